// The per-pool registry and the `triggers` config it is built from.
import { expect } from "chai";
import { createTriggerRegistry } from "../../../src/triggers/registry.js";
import { parseTriggersConfig, isLoopbackEndpoint, TriggerConfigError, triggersByPool } from "../../../src/triggers/trigger-config.js";
import { FIXTURES_DIR, POOL_ID, preSignUpEvent } from "./sample-events.js";

describe("triggers/registry", () => {
  it("hands the event back unchanged when the trigger is not configured", async () => {
    const registry = createTriggerRegistry({ [POOL_ID]: { PostConfirmation: { module: "throws.mjs" } } }, { baseDir: FIXTURES_DIR });
    const sent = preSignUpEvent();
    const outcome = await registry.triggersFor(POOL_ID).invoke("PreSignUp", sent);
    expect(outcome.ok).to.equal(true);
    expect(outcome.ok && outcome.event).to.equal(sent); // the very same object: nothing ran
    expect(registry.triggersFor(POOL_ID).has("PreSignUp")).to.equal(false);
    expect(registry.triggersFor(POOL_ID).has("PostConfirmation")).to.equal(true);
  });

  it("treats a pool without config as having no triggers", async () => {
    const registry = createTriggerRegistry({}, { baseDir: FIXTURES_DIR });
    const sent = preSignUpEvent();
    const outcome = await registry.triggersFor("us-east-1_Unknown").invoke("PreSignUp", sent);
    expect(outcome).to.deep.equal({ ok: true, event: sent });
    expect(registry.triggersFor("us-east-1_Unknown").has("PreSignUp")).to.equal(false);
  });

  it("runs a configured module hook, relative to baseDir", async () => {
    const registry = createTriggerRegistry({ [POOL_ID]: { PreSignUp: { module: "pre-sign-up-auto-confirm.mjs" } } }, { baseDir: FIXTURES_DIR });
    const outcome = await registry.triggersFor(POOL_ID).invoke("PreSignUp", preSignUpEvent());
    expect(outcome.ok && outcome.event.response.autoConfirmUser).to.equal(true);
  });

  it("keeps pools apart", async () => {
    const registry = createTriggerRegistry(
      { [POOL_ID]: { PreSignUp: { module: "throws.mjs" } }, "us-east-1_Other": {} },
      { baseDir: FIXTURES_DIR },
    );
    const other = await registry.triggersFor("us-east-1_Other").invoke("PreSignUp", preSignUpEvent());
    const mine = await registry.triggersFor(POOL_ID).invoke("PreSignUp", preSignUpEvent());
    expect(other.ok).to.equal(true);
    expect(mine.ok).to.equal(false);
  });

  it("applies the per-trigger timeoutMs", async () => {
    const registry = createTriggerRegistry({ [POOL_ID]: { PreSignUp: { module: "never-resolves.mjs", timeoutMs: 40 } } }, { baseDir: FIXTURES_DIR });
    const started = Date.now();
    const outcome = await registry.triggersFor(POOL_ID).invoke("PreSignUp", preSignUpEvent());
    expect(!outcome.ok && outcome.error.$case).to.equal("unexpectedLambda");
    expect(Date.now() - started).to.be.below(1000);
  });

  it("ready() rejects when a module hook cannot load", async () => {
    const registry = createTriggerRegistry({ [POOL_ID]: { PreSignUp: { module: "no-handler.mjs" } } }, { baseDir: FIXTURES_DIR });
    const error = await registry.ready().then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
  });

  it("ready() resolves when every module hook loads", async () => {
    const registry = createTriggerRegistry({ [POOL_ID]: { PreSignUp: { module: "throws.mjs" } } }, { baseDir: FIXTURES_DIR });
    const result = await registry.ready().then(() => "ready", (e: unknown) => e);
    expect(result).to.equal("ready");
  });
});

describe("triggers/trigger-config", () => {
  it("parses the documented shape", () => {
    const parsed = parseTriggersConfig({
      PreSignUp: { module: "./examples/triggers/x.mjs", timeoutMs: 5000 },
      CustomMessage: { module: "/opt/hooks/m.cjs", handler: "customMessage" },
      PreAuthentication: { endpoint: "127.0.0.1:7070", insecure: true },
      UserMigration: { endpoint: "migrate.internal:443", tls: { caFile: "ca.pem", certFile: "c.pem", keyFile: "c.key" }, bearerTokenFile: "/run/t", timeoutMs: 3000 },
      PostConfirmation: { endpoint: "hooks.internal:443", tls: true, bearerTokenEnv: "HOOK_TOKEN" },
    });
    expect(parsed).to.deep.equal({
      PreSignUp: { module: "./examples/triggers/x.mjs", timeoutMs: 5000 },
      CustomMessage: { module: "/opt/hooks/m.cjs", handler: "customMessage" },
      PreAuthentication: { endpoint: "127.0.0.1:7070", insecure: true },
      UserMigration: { endpoint: "migrate.internal:443", tls: { caFile: "ca.pem", certFile: "c.pem", keyFile: "c.key" }, bearerTokenFile: "/run/t", timeoutMs: 3000 },
      PostConfirmation: { endpoint: "hooks.internal:443", tls: {}, bearerTokenEnv: "HOOK_TOKEN" },
    });
  });

  it("maps the config file's pools array to pool id → triggers, naming the bad entry", () => {
    const pools = [{ id: "us-east-1_A", triggers: { PreSignUp: { module: "x.mjs" } } }, { id: "us-east-1_B" }];
    expect(triggersByPool(pools)).to.deep.equal({ "us-east-1_A": { PreSignUp: { module: "x.mjs" } }, "us-east-1_B": {} });
    expect(() => triggersByPool([...pools, { id: "us-east-1_C", triggers: { Nope: {} } }])).to.throw(/pools\[2\]\.triggers/);
  });

  it("treats a missing triggers object as none", () => {
    expect(parseTriggersConfig(undefined)).to.deep.equal({});
  });

  const rejected: [label: string, value: unknown, message: RegExp][] = [
    ["not an object", [], /triggers: must be an object/],
    ["an unknown trigger", { PreSignup: { module: "x.mjs" } }, /unknown trigger "PreSignup"/],
    ["both module and endpoint", { PreSignUp: { module: "x.mjs", endpoint: "h:1" } }, /exactly one of/],
    ["neither module nor endpoint", { PreSignUp: { timeoutMs: 10 } }, /exactly one of/],
    ["an empty module", { PreSignUp: { module: " " } }, /triggers.PreSignUp.module: must be a non-empty string/],
    ["a zero timeout", { PreSignUp: { module: "x.mjs", timeoutMs: 0 } }, /timeoutMs: must be an integer/],
    ["a fractional timeout", { PreSignUp: { module: "x.mjs", timeoutMs: 1.5 } }, /timeoutMs: must be an integer/],
    ["a timeout above the cap", { PreSignUp: { module: "x.mjs", timeoutMs: 60_001 } }, /timeoutMs: must be an integer/],
    ["tls on a module", { PreSignUp: { module: "x.mjs", tls: true } }, /unknown key\(s\) tls/],
    ["a tls that is neither true nor an object", { PreSignUp: { endpoint: "h:1", tls: "yes" } }, /tls: must be an object/],
    ["a remote endpoint with neither tls nor insecure", { PreSignUp: { endpoint: "127.0.0.1:1" } }, /needs "tls".*"insecure": true/],
    ["insecure: false alone", { PreSignUp: { endpoint: "127.0.0.1:1", insecure: false } }, /needs "tls"/],
    ["both tls and insecure", { PreSignUp: { endpoint: "h:1", tls: true, insecure: true } }, /exclude each other/],
    ["a plaintext UserMigration off loopback", { UserMigration: { endpoint: "migrate.internal:7070", insecure: true } }, /UserMigration sends the user's password/],
    ["a plaintext UserMigration to a private address", { UserMigration: { endpoint: "10.0.0.5:7070", insecure: true } }, /only to a loopback endpoint/],
    ["a bearer token over plaintext off loopback", { PreSignUp: { endpoint: "hooks:7070", insecure: true, bearerTokenEnv: "T" } }, /never sent in plaintext/],
    ["a client certificate without its key", { PreSignUp: { endpoint: "h:1", tls: { certFile: "c.pem" } } }, /certFile" and "keyFile" go together/],
    ["two token sources", { PreSignUp: { endpoint: "h:1", tls: true, bearerTokenFile: "f", bearerTokenEnv: "E" } }, /exclude each other/],
    ["an unknown tls key", { PreSignUp: { endpoint: "h:1", tls: { ca: "x" } } }, /unknown key\(s\) ca/],
    ["a typo'd key", { PreSignUp: { module: "x.mjs", timeout: 5 } }, /unknown key\(s\) timeout/],
  ];
  for (const [label, value, message] of rejected) {
    it(`rejects ${label}`, () => {
      expect(() => parseTriggersConfig(value)).to.throw(TriggerConfigError, message);
    });
  }

  it("allows a plaintext UserMigration (and a token) only to loopback endpoints", () => {
    for (const endpoint of ["127.0.0.1:7070", "127.3.2.1:1", "localhost:7070", "[::1]:7070", "dns:///localhost:7070"]) {
      expect(parseTriggersConfig({ UserMigration: { endpoint, insecure: true, bearerTokenEnv: "T" } }).UserMigration, endpoint).to.deep.equal({ endpoint, insecure: true, bearerTokenEnv: "T" });
    }
  });

  const loopback: [string, boolean][] = [
    ["127.0.0.1:1", true], ["localhost:1", true], ["LOCALHOST:1", true], ["[::1]:1", true], ["::1", true], ["ipv4:127.0.0.1:1", true],
    ["128.0.0.1:1", false], ["localhost.evil.example:1", false], ["127.0.0.1.nip.io:1", false], ["[::2]:1", false], ["10.0.0.1:1", false], ["0.0.0.0:1", false],
  ];
  for (const [endpoint, expected] of loopback) {
    it(`${expected ? "counts" : "does not count"} ${endpoint} as loopback`, () => {
      expect(isLoopbackEndpoint(endpoint)).to.equal(expected);
    });
  }
});
