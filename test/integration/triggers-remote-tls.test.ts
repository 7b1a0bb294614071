import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp } from "../../src/app.js";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { TriggerConfigError } from "../../src/triggers/trigger-config.js";
import { TestCa } from "../helpers/test-ca.js";
import { MemoryLog, startTestApp, testConfig, type TestApp } from "../helpers/test-app.js";
import { TestTriggerService } from "../helpers/trigger-service.js";
import { clientEntry, PASSWORD, triggerPool } from "../helpers/triggers.js";

const POOL = "us-east-1_RemoteTls01";
const CLIENT = "remotetlsclient00000000000";

/**
 * Remote triggers over TLS against a real TriggerService: the CA to trust, the server's name, a
 * bearer token, a client certificate (mTLS); plaintext only when asked for, and never for
 * UserMigration off loopback. Certificates are made for the run (openssl).
 */
describe("remote triggers: TLS, server names, bearer tokens, client certificates (gRPC + Redis)", function () {
  this.timeout(60_000);
  let ca: TestCa;
  let otherCa: TestCa;
  let dir: string;
  const services: TestTriggerService[] = [];
  const apps: TestApp[] = [];
  before(() => {
    ca = TestCa.create("hooks-ca");
    otherCa = TestCa.create("other-ca");
    dir = mkdtempSync(join(tmpdir(), "identity-hook-tokens-"));
  });
  after(async () => {
    for (const app of apps) await app.stop();
    for (const service of services) service.stop();
    ca.remove();
    otherCa.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A TriggerService over TLS with a certificate `issuer` made for `san`; with `clientCa`, it requires client certificates from it. */
  async function tlsService(issuer: TestCa, san: string[], clientCa?: TestCa): Promise<TestTriggerService> {
    const leaf = issuer.issue(`server-${services.length}`, "trigger-service", san);
    const credentials = grpc.ServerCredentials.createSsl(clientCa ? clientCa.cert : null, [{ cert_chain: leaf.cert, private_key: leaf.key }], clientCa !== undefined);
    const service = await TestTriggerService.start(credentials);
    services.push(service);
    return service;
  }

  /** The identity service with PreSignUp (or `trigger`) pointing at `entry`. */
  async function appWith(entry: Record<string, unknown>, trigger = "PreSignUp"): Promise<TestApp> {
    const app = await startTestApp({ config: { pools: [triggerPool(POOL, { [trigger]: { timeoutMs: 5_000, ...entry } }, [clientEntry(CLIENT, "ENABLED")])] } });
    apps.push(app);
    return app;
  }

  async function signUpArm(app: TestApp, username: string): Promise<string | undefined> {
    const response = await app.auth.signUp({ clientId: CLIENT, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });
    return response.result?.$case;
  }

  it("calls a service whose certificate the configured CA issued", async () => {
    const service = await tlsService(ca, ["IP:127.0.0.1"]);
    const app = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile } });
    expect(await signUpArm(app, "trusted")).to.equal("success");
    expect(service.calls.map((c) => c.request.triggerSource)).to.deep.equal(["PreSignUp_SignUp"]);
  });

  it("does not trust a service whose certificate another CA issued: the event never reaches it", async () => {
    const service = await tlsService(otherCa, ["IP:127.0.0.1"]);
    const app = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile } });
    expect(await signUpArm(app, "untrusted")).to.equal("unexpectedLambda");
    expect(service.calls).to.have.length(0);
  });

  it("checks the server's name: a certificate for another name passes only when serverName names it", async () => {
    const service = await tlsService(ca, ["DNS:hooks.internal"]);
    const wrongName = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile } });
    expect(await signUpArm(wrongName, "wrongname")).to.equal("unexpectedLambda");
    expect(service.calls).to.have.length(0);
    const named = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile, serverName: "hooks.internal" } });
    expect(await signUpArm(named, "rightname")).to.equal("success");
    expect(service.calls).to.have.length(1);
  });

  it("sends the bearer token from a file with every call; a service that requires another refuses", async () => {
    const service = await tlsService(ca, ["IP:127.0.0.1"]);
    service.requiredMetadata = ["authorization", "Bearer hook-token-0123456789"];
    const tokenFile = join(dir, "right-token");
    writeFileSync(tokenFile, "hook-token-0123456789\n");
    const app = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile }, bearerTokenFile: tokenFile });
    expect(await signUpArm(app, "tokened")).to.equal("success");
    expect(service.calls[0]?.metadata.get("authorization")).to.deep.equal(["Bearer hook-token-0123456789"]);
    const wrongFile = join(dir, "wrong-token");
    writeFileSync(wrongFile, "not-the-token");
    const wrong = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile }, bearerTokenFile: wrongFile });
    expect(await signUpArm(wrong, "mistokened")).to.equal("unexpectedLambda");
  });

  it("reads the bearer token from the environment variable bearerTokenEnv names", async () => {
    const service = await tlsService(ca, ["IP:127.0.0.1"]);
    service.requiredMetadata = ["authorization", "Bearer env-token-0123456789"];
    process.env.IDENTITY_TEST_HOOK_TOKEN = "env-token-0123456789";
    try {
      const app = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile }, bearerTokenEnv: "IDENTITY_TEST_HOOK_TOKEN" });
      expect(await signUpArm(app, "envtokened")).to.equal("success");
    } finally {
      delete process.env.IDENTITY_TEST_HOOK_TOKEN;
    }
  });

  it("authenticates with a client certificate to a service that requires one (mTLS)", async () => {
    const service = await tlsService(ca, ["IP:127.0.0.1"], ca);
    const client = ca.issue("identity-client", "identity-service");
    const app = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile, certFile: client.certFile, keyFile: client.keyFile } });
    expect(await signUpArm(app, "mutual")).to.equal("success");
    expect(service.calls[0]?.peerCommonName).to.equal("identity-service");
    const without = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile } });
    expect(await signUpArm(without, "anonymous")).to.equal("unexpectedLambda");
    expect(service.calls).to.have.length(1);
  });

  it("migrates a user over TLS: the password goes only to the trusted service", async () => {
    const service = await tlsService(ca, ["IP:127.0.0.1"]);
    service.respond = (event) => ({ ...event, response: { userAttributes: { email: "legacy@example.com", email_verified: "true" }, finalUserStatus: "CONFIRMED", messageAction: "SUPPRESS" } });
    const app = await appWith({ endpoint: service.endpoint, tls: { caFile: ca.certFile } }, "UserMigration");
    const signedIn = await app.auth.initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "legacy", PASSWORD }, clientMetadata: {} });
    expect(signedIn.result?.$case).to.equal("authenticationResult");
    const event = JSON.parse(service.calls[0]?.request.eventJson ?? "{}") as { request?: { password?: string } };
    expect(event.request?.password).to.equal(PASSWORD);
  });

  it("refuses to start with a plaintext UserMigration off loopback", async () => {
    const started = await startApp(testConfig("redis://127.0.0.1:1"), { log: new MemoryLog(), configFile: { pools: [triggerPool(POOL, { UserMigration: { endpoint: "10.20.30.40:7070", insecure: true } }, [])] } }).then(
      (app) => app,
      (error: unknown) => error,
    );
    expect(started).to.be.instanceOf(TriggerConfigError);
    expect((started as Error).message).to.match(/UserMigration sends the user's password/);
  });

  it("refuses to start with a remote trigger that says neither tls nor insecure", async () => {
    const started = await startApp(testConfig("redis://127.0.0.1:1"), { log: new MemoryLog(), configFile: { pools: [triggerPool(POOL, { PreSignUp: { endpoint: "127.0.0.1:7070" } }, [])] } }).then(
      (app) => app,
      (error: unknown) => error,
    );
    expect(started).to.be.instanceOf(TriggerConfigError);
  });

  it("calls a plaintext loopback service only with insecure: true, and warns at start", async () => {
    const service = await TestTriggerService.start();
    services.push(service);
    const app = await appWith({ endpoint: service.endpoint, insecure: true }, "UserMigration");
    const warning = app.log.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => String(line.message).includes("plaintext"));
    expect(warning).to.include({ poolId: POOL, trigger: "UserMigration", endpoint: service.endpoint });
  });
});
