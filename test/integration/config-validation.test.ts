import { expect } from "chai";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configFromEnv } from "../../src/config/config.js";
import { ConfigError } from "../../src/config/problems.js";
import { runBuiltServerToExit, type ExitedProcess } from "../helpers/built-server.js";
import { freePort } from "../helpers/redis-server.js";

const KEY = "a".repeat(64);

/** One line per problem, the summary line, exit 2, and nothing that looks like a stack trace. */
function expectProblems(result: ExitedProcess, expected: readonly RegExp[]) {
  const lines = result.stderr.trim().split("\n");
  expect(result.code, result.stderr).to.equal(2);
  expect(result.stderr).to.not.match(/^\s+at /m);
  expect(lines.at(-1)).to.equal(`identity: not started (${expected.length} configuration problem${expected.length === 1 ? "" : "s"})`);
  const problems = lines.slice(0, -1);
  expect(problems).to.have.length(expected.length, result.stderr);
  for (const pattern of expected) expect(problems.some((line) => pattern.test(line)), `${pattern} in\n${result.stderr}`).to.equal(true);
  for (const line of problems) expect(line).to.match(/^identity: configuration: /);
}

describe("configuration is checked at start (node dist/main.js)", function () {
  this.timeout(30_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "identity-config-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("names every bad variable at once, one line each, exit 2, no stack trace", async () => {
    const result = await runBuiltServerToExit({
      GRPC_ADDR: "nowhere", LOG_LEVEL: "loud", CODE_SENDER: "pigeon", IDP_WORKERS: "zero", SRP_TIMESTAMP_SKEW_SECONDS: "-5",
      REDIS_URL: "http://example", IDP_REGION: "moon", ADMIN_TOKEN_SHA256: "not-a-digest",
    });
    expectProblems(result, [
      /IDP_WORKERS must be 1-64 or auto, not "zero"/, /GRPC_ADDR must be host:port, not "nowhere"/, /LOG_LEVEL must be one of .*not "loud"/,
      /CODE_SENDER must be "log" or "redis-stream", not "pigeon"/, /SRP_TIMESTAMP_SKEW_SECONDS must be a positive integer, not "-5"/,
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/, /IDP_REGION must look like us-east-1, not "moon"/,
      /ADMIN_TOKEN_SHA256 must be comma-separated SHA-256 hex digests/, /IDP_MASTER_KEY or IDP_MASTER_KEY_FILE is required/,
    ]);
  });

  it("unreadable files: the master key file, TLS files and the config file, each named", async () => {
    const result = await runBuiltServerToExit({
      IDP_MASTER_KEY_FILE: join(dir, "missing.key"), IDP_CONFIG: join(dir, "missing.json"),
      TLS_CERT_FILE: join(dir, "cert.pem"), TLS_KEY_FILE: dir,
    });
    expectProblems(result, [
      /IDP_MASTER_KEY_FILE: cannot read ".*missing\.key" \(no such file\)/, /IDP_CONFIG: cannot read ".*missing\.json" \(no such file\)/,
      /TLS_CERT_FILE: cannot read ".*cert\.pem" \(no such file\)/, /TLS_KEY_FILE: cannot read .* \(it is a directory\)/,
    ]);
  });

  it("a master key of the wrong length is refused without echoing it", async () => {
    const result = await runBuiltServerToExit({ IDP_MASTER_KEY: "c2hvcnQ=" });
    expectProblems(result, [/IDP_MASTER_KEY: the master key must be 32 bytes \(base64 or hex\), not 5/]);
    expect(result.stderr).to.not.include("c2hvcnQ=");
  });

  it("a config file that does not parse", async () => {
    const path = join(dir, "broken.json");
    writeFileSync(path, '{ "pools": [ }');
    expectProblems(await runBuiltServerToExit({ IDP_MASTER_KEY: KEY, IDP_CONFIG: path }), [/IDP_CONFIG: .*broken\.json is not valid JSON/]);
  });

  it("a config file naming unknown settings: every one with its path", async () => {
    const path = join(dir, "typos.json");
    writeFileSync(path, JSON.stringify({
      admins: [],
      pools: [{ id: "us-east-1_Typo1", name: "typo", setings: {}, settings: { passwordPolicy: { minLength: 8 } },
        clients: [{ clientID: "x", name: "c" }], triggers: { PreSignUpp: { module: "./x.mjs" } } }],
    }));
    expectProblems(await runBuiltServerToExit({ IDP_MASTER_KEY: KEY, IDP_CONFIG: path }), [
      /the config file: unknown setting "admins"/, /pools\[0\]: unknown setting "setings"/,
      /pools\[0\]\.settings\.passwordPolicy: unknown setting "minLength"/, /pools\[0\]\.clients\[0\]: unknown setting "clientID"/,
      /pools\[0\]\.clients\[0\]\.clientId must be a non-empty string/, /unknown trigger "PreSignUpp"/,
    ]);
  });

  it("a valid configuration whose Redis does not answer: one line, exit 1, no stack trace", async () => {
    const port = await freePort();
    const result = await runBuiltServerToExit({ IDP_MASTER_KEY: KEY, REDIS_URL: `redis://127.0.0.1:${port}`, GRPC_ADDR: "127.0.0.1:0", HTTP_ADDR: "off" });
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr).to.match(/^identity: did not start: .*ECONNREFUSED/m);
    expect(result.stderr).to.not.match(/^\s+at /m);
  });

  it("configFromEnv gathers problems into one ConfigError and accepts the defaults", () => {
    expect(configFromEnv({ IDP_MASTER_KEY: KEY }).grpc).to.deep.equal({ host: "0.0.0.0", port: 50051 });
    let error: unknown;
    try {
      configFromEnv({ IDP_MASTER_KEY: KEY, HTTP_ADDR: "x", IDP_DEV_LOG_CODES: "yes" });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).problems).to.deep.equal(['HTTP_ADDR must be host:port, not "x"', 'IDP_DEV_LOG_CODES must be 0 or 1, not "yes"']);
  });
});
