import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import type { ConfigFile } from "../../src/config/config-file.js";
import { testClients } from "../helpers/clients.js";
import { Pki, type Ca, type Issued } from "../helpers/pki.js";
import { ADMIN_TOKEN, ALIAS_POOL, CLIENTS, POOL, startTestApp, TEST_CONFIG, type TestApp } from "../helpers/test-app.js";
import { tlsClients, type ClientTls } from "../helpers/tls-clients.js";
import { bearer } from "../helpers/clients.js";

const ADMIN_SPIFFE = "spiffe://example.org/ns/ops/sa/admin";
const POOL_DNS = "pool-admin.ops.internal";
const ALIAS_CN = "alias-pool-admin";
const PASSWORD = "Permanent-Pass-2";
const LABELS = { none: "no certificate", unmapped: "a certificate no credential names", foreign: "a certificate from another CA", expired: "an expired certificate", notYetValid: "a not-yet-valid certificate", selfSigned: "a self-signed certificate", revoked: "a revoked certificate (CRL)" } as const;

/** The client CA, its intermediate, the server certificate and every client certificate the tests present. */
interface Material {
  readonly pki: Pki;
  readonly serverCa: Ca;
  readonly server: Issued;
  readonly clientRoot: Ca;
  readonly certs: Record<"admin" | "poolDns" | "aliasCn" | "unmapped" | "foreign" | "expired" | "notYetValid" | "selfSigned" | "revoked", Issued>;
  readonly crlFile: string;
}

function makeMaterial(): Material {
  const pki = new Pki();
  const serverCa = pki.ca("server-ca");
  const server = pki.issue(serverCa, "server", { cn: "localhost", san: ["DNS:localhost", "IP:127.0.0.1"] });
  const clientRoot = pki.ca("client-root");
  const clientIntermediate = pki.ca("client-intermediate", clientRoot);
  const other = pki.ca("other-root");
  const certs = {
    // Through the intermediate: the client sends leaf + intermediate, the server trusts the root only.
    admin: pki.issue(clientIntermediate, "admin", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`] }),
    poolDns: pki.issue(clientRoot, "pool-dns", { cn: "pool admin", san: [`DNS:${POOL_DNS}`] }),
    aliasCn: pki.issue(clientRoot, "alias-cn", { cn: ALIAS_CN }),
    unmapped: pki.issue(clientRoot, "unmapped", { cn: "somebody", san: ["URI:spiffe://example.org/ns/ops/sa/nobody"] }),
    foreign: pki.issue(other, "foreign", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`] }),
    expired: pki.issue(clientIntermediate, "expired", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`], fromHours: -48, toHours: -1 }),
    notYetValid: pki.issue(clientIntermediate, "not-yet-valid", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`], fromHours: 2, toHours: 48 }),
    selfSigned: pki.selfSigned("self-signed", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`] }),
    revoked: pki.issue(clientIntermediate, "revoked", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`] }),
  };
  pki.revoke(clientIntermediate, certs.revoked);
  // OpenSSL checks a CRL for every CA in the chain once any is loaded: one from each.
  const crlFile = pki.file("clients.crl.pem", pki.crl(clientRoot) + pki.crl(clientIntermediate));
  return { pki, serverCa, server, clientRoot, certs, crlFile };
}

function mtlsConfig(): ConfigFile {
  return {
    ...TEST_CONFIG,
    adminCredentials: [
      ...(TEST_CONFIG.adminCredentials ?? []),
      { certificate: { uri: ADMIN_SPIFFE }, pools: "*" },
      { certificate: { dns: POOL_DNS }, pools: [POOL] },
      { certificate: { cn: ALIAS_CN }, pools: [ALIAS_POOL] },
    ],
  };
}

describe("mTLS: client certificates authenticate AdminService callers by identity and scope (gRPC + Redis)", () => {
  let m: Material;
  let t: TestApp;
  const opened: { close(): void }[] = [];

  function clients(cert?: Issued) {
    const tls: ClientTls = cert ? { serverCa: m.serverCa.cert, key: cert.key, chain: cert.chain } : { serverCa: m.serverCa.cert };
    const c = tlsClients(t.app.grpcPort, tls);
    opened.push(c);
    return c;
  }

  async function code(promise: Promise<unknown>): Promise<grpc.status | "ok"> {
    try {
      await promise;
      return "ok";
    } catch (error) {
      return (error as grpc.ServiceError).code;
    }
  }

  before(async () => {
    m = makeMaterial();
    t = await startTestApp({
      config: mtlsConfig(),
      overrides: { tls: { certFile: m.server.certFile, keyFile: m.server.keyFile, clientCaFile: m.clientRoot.certFile, clientCrlFile: m.crlFile, reloadIntervalMs: 0 } },
    });
    const admin = clients(m.certs.admin).admin;
    for (const [username, userPoolId] of [["alice", POOL], ["alias-user", ALIAS_POOL]] as const) {
      const request = { userPoolId, username, userAttributes: [], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
      expect((await admin.adminCreateUser(request)).result?.$case).to.equal("success");
      expect((await admin.adminSetUserPassword({ userPoolId, username, password: PASSWORD, permanent: true })).result?.$case).to.equal("success");
    }
  });
  after(async () => {
    for (const c of opened) c.close();
    await t?.stop();
    m?.pki.remove();
  });

  async function userState(userPoolId: string, username: string) {
    const result = (await clients(m.certs.admin).admin.adminGetUser({ userPoolId, username })).result;
    return result?.$case === "success" ? { enabled: result.value.enabled } : result?.$case;
  }

  it("a certificate whose SPIFFE ID is an all-pools admin, issued through an intermediate CA, manages every pool", async () => {
    const { admin } = clients(m.certs.admin);
    expect((await admin.adminGetUser({ userPoolId: POOL, username: "alice" })).result?.$case).to.equal("success");
    expect((await admin.adminGetUser({ userPoolId: ALIAS_POOL, username: "alias-user" })).result?.$case).to.equal("success");
    expect((await admin.listUserPools({ maxResults: 10, nextToken: "" })).result?.$case).to.equal("success");
  });

  it("a DNS-named certificate scoped to one pool manages it and gets PERMISSION_DENIED on another pool and on pool-less calls", async () => {
    const { admin } = clients(m.certs.poolDns);
    expect((await admin.adminGetUser({ userPoolId: POOL, username: "alice" })).result?.$case).to.equal("success");
    expect(await code(admin.adminDisableUser({ userPoolId: ALIAS_POOL, username: "alias-user" }))).to.equal(grpc.status.PERMISSION_DENIED);
    expect(await code(admin.listUserPools({ maxResults: 10, nextToken: "" }))).to.equal(grpc.status.PERMISSION_DENIED);
    expect(await userState(ALIAS_POOL, "alias-user")).to.deep.equal({ enabled: true });
  });

  it("a CN-named certificate scoped to the other pool is refused on the first", async () => {
    const { admin } = clients(m.certs.aliasCn);
    expect((await admin.adminGetUser({ userPoolId: ALIAS_POOL, username: "alias-user" })).result?.$case).to.equal("success");
    expect(await code(admin.adminDisableUser({ userPoolId: POOL, username: "alice" }))).to.equal(grpc.status.PERMISSION_DENIED);
    expect(await userState(POOL, "alice")).to.deep.equal({ enabled: true });
  });

  const refused = ["unmapped", "foreign", "expired", "notYetValid", "selfSigned", "revoked", "none"] as const;
  for (const which of refused) {
    it(`${LABELS[which]}: UNAUTHENTICATED on every kind of call, and nothing changes`, async () => {
      const { admin } = clients(which === "none" ? undefined : m.certs[which]);
      expect(await code(admin.adminDisableUser({ userPoolId: POOL, username: "alice" }))).to.equal(grpc.status.UNAUTHENTICATED);
      expect(await code(admin.adminDeleteUser({ userPoolId: ALIAS_POOL, username: "alias-user" }))).to.equal(grpc.status.UNAUTHENTICATED);
      expect(await code(admin.createUserPool({ poolName: "rogue", userPoolId: "us-east-1_Rogue1" } as never))).to.equal(grpc.status.UNAUTHENTICATED);
      expect(await code(admin.adminGetUser({ userPoolId: POOL, username: "alice" }))).to.equal(grpc.status.UNAUTHENTICATED);
      expect(await userState(POOL, "alice")).to.deep.equal({ enabled: true });
      expect(await userState(ALIAS_POOL, "alias-user")).to.deep.equal({ enabled: true });
      expect((await clients(m.certs.admin).admin.describeUserPool({ userPoolId: "us-east-1_Rogue1" })).result?.$case).to.equal("resourceNotFound");
    });
  }

  it("bearer tokens still authenticate over TLS, with or without a client certificate", async () => {
    expect((await clients().admin.adminGetUser({ userPoolId: POOL, username: "alice" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
    expect((await clients(m.certs.unmapped).admin.adminGetUser({ userPoolId: POOL, username: "alice" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
  });

  it("AuthService needs no client certificate by default", async () => {
    const response = await clients().auth.initiateAuth({ clientId: CLIENTS.legacy, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "alice", PASSWORD }, clientMetadata: {} });
    expect(response.result?.$case).to.equal("authenticationResult");
  });

  it("plaintext to the TLS port fails", async () => {
    const plain = testClients(t.app.grpcPort);
    opened.push(plain);
    expect(await code(plain.admin.adminGetUser({ userPoolId: POOL, username: "alice" }, bearer(ADMIN_TOKEN)))).to.equal(grpc.status.UNAVAILABLE);
  });

  it("a client that does not trust the server's CA fails", async () => {
    const { admin } = tlsClients(t.app.grpcPort, { serverCa: m.clientRoot.cert, key: m.certs.admin.key, chain: m.certs.admin.chain });
    expect(await code(admin.adminGetUser({ userPoolId: POOL, username: "alice" }))).to.equal(grpc.status.UNAVAILABLE);
  });

  it("logs the certificate identity of admin calls, never the certificate", () => {
    const logged = t.log.lines.join("\n");
    expect(logged).to.include(`uri:${ADMIN_SPIFFE}`);
    expect(logged).to.include(`dns:${POOL_DNS}`);
    expect(logged).to.include("uri:spiffe://example.org/ns/ops/sa/nobody"); // the unmapped one, as refused
    for (const cert of Object.values(m.certs)) {
      const body = cert.cert.toString("utf8").split("\n").filter((l) => l && !l.startsWith("-----")).join("");
      expect(logged).to.not.include(body.slice(0, 64));
    }
  });
});

describe("mTLS: AuthService requiring a client certificate (setting on)", () => {
  let m: Material;
  let t: TestApp;

  before(async () => {
    m = makeMaterial();
    t = await startTestApp({
      config: mtlsConfig(),
      overrides: { tls: { certFile: m.server.certFile, keyFile: m.server.keyFile, clientCaFile: m.clientRoot.certFile, requireClientCertificateForAuthService: true, reloadIntervalMs: 0 } },
    });
    const admin = tlsClients(t.app.grpcPort, { serverCa: m.serverCa.cert }).admin;
    const request = { userPoolId: POOL, username: "bob", userAttributes: [], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
    expect((await admin.adminCreateUser(request, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
    expect((await admin.adminSetUserPassword({ userPoolId: POOL, username: "bob", password: PASSWORD, permanent: true }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
  });
  after(async () => {
    await t?.stop();
    m?.pki.remove();
  });

  const signIn = (cert?: Issued) => {
    const { auth } = tlsClients(t.app.grpcPort, cert ? { serverCa: m.serverCa.cert, key: cert.key, chain: cert.chain } : { serverCa: m.serverCa.cert });
    return auth.initiateAuth({ clientId: CLIENTS.legacy, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "bob", PASSWORD }, clientMetadata: {} });
  };

  it("a verified certificate (any identity) may call AuthService", async () => {
    expect((await signIn(m.certs.unmapped)).result?.$case).to.equal("authenticationResult");
  });

  for (const which of ["none", "foreign", "expired", "selfSigned"] as const) {
    it(`${LABELS[which]}: AuthService answers UNAUTHENTICATED`, async () => {
      const error = await signIn(which === "none" ? undefined : m.certs[which]).then(() => undefined, (e: grpc.ServiceError) => e);
      expect(error?.code).to.equal(grpc.status.UNAUTHENTICATED);
    });
  }

  it("AdminService still takes bearer tokens without a certificate", async () => {
    const admin = tlsClients(t.app.grpcPort, { serverCa: m.serverCa.cert }).admin;
    expect((await admin.adminGetUser({ userPoolId: POOL, username: "bob" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
  });
});

describe("mTLS: the client CA and CRL files reload without a restart", () => {
  let pki: Pki;
  let t: TestApp;
  let serverCa: Ca;
  let first: Ca;
  let second: Ca;
  const certs: Record<"first" | "second", Issued> = {} as never;
  const live = { caFile: "", crlFile: "" };

  const listPoolsAs = async (cert: Issued) => {
    const c = tlsClients(t.app.grpcPort, { serverCa: serverCa.cert, key: cert.key, chain: cert.chain });
    try {
      return (await c.admin.listUserPools({ maxResults: 1, nextToken: "" })).result?.$case;
    } catch (error) {
      return (error as grpc.ServiceError).code;
    } finally {
      c.close();
    }
  };

  before(async () => {
    pki = new Pki();
    serverCa = pki.ca("server-ca");
    const server = pki.issue(serverCa, "server", { cn: "localhost", san: ["DNS:localhost", "IP:127.0.0.1"] });
    first = pki.ca("first-client-ca");
    second = pki.ca("second-client-ca");
    certs.first = pki.issue(first, "first", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`] });
    certs.second = pki.issue(second, "second", { cn: "ops admin", san: [`URI:${ADMIN_SPIFFE}`] });
    live.caFile = pki.file("client-ca.pem", first.cert);
    live.crlFile = pki.file("client-crl.pem", pki.crl(first));
    t = await startTestApp({
      config: mtlsConfig(),
      overrides: { tls: { certFile: server.certFile, keyFile: server.keyFile, clientCaFile: live.caFile, clientCrlFile: live.crlFile, reloadIntervalMs: 0 } },
    });
  });
  after(async () => {
    await t?.stop();
    pki?.remove();
  });

  it("a certificate from a CA added to the bundle is accepted, one revoked in the new CRL is refused, on new connections", async () => {
    expect(await listPoolsAs(certs.first)).to.equal("success");
    expect(await listPoolsAs(certs.second)).to.equal(grpc.status.UNAUTHENTICATED);

    pki.revoke(first, certs.first);
    pki.file("client-ca.pem", Buffer.concat([first.cert, second.cert]));
    pki.file("client-crl.pem", pki.crl(first) + pki.crl(second));
    expect(t.app.transport.reload()).to.deep.equal(["reloaded"]);

    expect(await listPoolsAs(certs.first)).to.equal(grpc.status.UNAUTHENTICATED);
    expect(await listPoolsAs(certs.second)).to.equal("success");
  });
});
