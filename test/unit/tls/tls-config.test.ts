import { expect } from "chai";
import { adminCredentials } from "../../../src/config/admin-credentials.js";
import type { Config } from "../../../src/config/config.js";
import { httpTlsFrom, redisTlsFrom, tlsFrom } from "../../../src/config/tls.js";
import { carries, peerIdentity, subjectAltNames } from "../../../src/tls/peer-identity.js";
import { testConfig } from "../../helpers/test-app.js";

const HASH = "a".repeat(64);

describe("TLS settings from the environment", () => {
  it("reads the gRPC listener's files, CRL, AuthService setting and reload interval", () => {
    expect(tlsFrom({ TLS_CERT_FILE: "c", TLS_KEY_FILE: "k", TLS_CLIENT_CA_FILE: "ca", TLS_CLIENT_CRL_FILE: "crl", TLS_AUTH_SERVICE_REQUIRE_CLIENT_CERT: "1", TLS_RELOAD_INTERVAL_SECONDS: "5" })).to.deep.equal({
      certFile: "c", keyFile: "k", clientCaFile: "ca", clientCrlFile: "crl", requireClientCertificateForAuthService: true, reloadIntervalMs: 5000,
    });
    expect(tlsFrom({})).to.equal(undefined);
    expect(tlsFrom({ TLS_CERT_FILE: "c", TLS_KEY_FILE: "k" })).to.include({ requireClientCertificateForAuthService: false, reloadIntervalMs: 30_000, clientCaFile: undefined });
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ["a certificate without its key", { TLS_CERT_FILE: "c" }, /go together/],
    ["a client CA without a server certificate", { TLS_CLIENT_CA_FILE: "ca" }, /need TLS_CERT_FILE/],
    ["AuthService requirement without a client CA", { TLS_CERT_FILE: "c", TLS_KEY_FILE: "k", TLS_AUTH_SERVICE_REQUIRE_CLIENT_CERT: "1" }, /needs TLS_CLIENT_CA_FILE/],
    ["a CRL without a client CA", { TLS_CERT_FILE: "c", TLS_KEY_FILE: "k", TLS_CLIENT_CRL_FILE: "crl" }, /needs TLS_CLIENT_CA_FILE/],
    ["a negative reload interval", { TLS_CERT_FILE: "c", TLS_KEY_FILE: "k", TLS_RELOAD_INTERVAL_SECONDS: "-1" }, /whole number/],
    ["a flag that is not 0/1", { TLS_CERT_FILE: "c", TLS_KEY_FILE: "k", TLS_CLIENT_CA_FILE: "ca", TLS_AUTH_SERVICE_REQUIRE_CLIENT_CERT: "yes" }, /must be 1 or 0/],
  ];
  for (const [label, env, message] of refused) it(`refuses ${label}`, () => expect(() => tlsFrom(env)).to.throw(message));

  it("serves HTTP with the gRPC certificate by default, its own when given, none when off", () => {
    const grpc = tlsFrom({ TLS_CERT_FILE: "c", TLS_KEY_FILE: "k" });
    expect(httpTlsFrom({}, grpc)).to.deep.equal({ certFile: "c", keyFile: "k" });
    expect(httpTlsFrom({ HTTP_TLS_CERT_FILE: "hc", HTTP_TLS_KEY_FILE: "hk" }, grpc)).to.deep.equal({ certFile: "hc", keyFile: "hk" });
    expect(httpTlsFrom({ HTTP_TLS_CERT_FILE: "hc", HTTP_TLS_KEY_FILE: "hk" }, undefined)).to.deep.equal({ certFile: "hc", keyFile: "hk" });
    expect(httpTlsFrom({ HTTP_TLS: "off" }, grpc)).to.equal(undefined);
    expect(httpTlsFrom({}, undefined)).to.equal(undefined);
    expect(() => httpTlsFrom({ HTTP_TLS: "on" }, undefined)).to.throw(/needs/);
    expect(() => httpTlsFrom({ HTTP_TLS_CERT_FILE: "hc" }, grpc)).to.throw(/go together/);
  });

  it("turns Redis TLS on for rediss:// or REDIS_TLS=1, and refuses TLS files for a plaintext Redis", () => {
    expect(redisTlsFrom({ REDIS_URL: "redis://h:1" })).to.equal(undefined);
    expect(redisTlsFrom({ REDIS_URL: "rediss://h:1", REDIS_TLS_CA_FILE: "ca" })).to.deep.equal({ caFile: "ca", certFile: undefined, keyFile: undefined, serverName: undefined });
    expect(redisTlsFrom({ REDIS_TLS: "1", REDIS_TLS_CERT_FILE: "c", REDIS_TLS_KEY_FILE: "k", REDIS_TLS_SERVERNAME: "redis.internal" })).to.deep.equal({ caFile: undefined, certFile: "c", keyFile: "k", serverName: "redis.internal" });
    expect(() => redisTlsFrom({ REDIS_URL: "redis://h:1", REDIS_TLS_CA_FILE: "ca" })).to.throw(/need a rediss/);
    expect(() => redisTlsFrom({ REDIS_URL: "rediss://h:1", REDIS_TLS_CERT_FILE: "c" })).to.throw(/go together/);
  });
});

describe("admin credentials from the config file", () => {
  const withCa = (): Config => testConfig("redis://x", { tls: { certFile: "c", keyFile: "k", clientCaFile: "ca" } });

  it("reads token and certificate credentials, pools defaulting to all", () => {
    const credentials = adminCredentials(withCa(), {
      adminCredentials: [
        { tokenSha256: HASH, pools: ["p1"] },
        { certificate: { uri: "spiffe://example.org/a" } },
        { certificate: { dns: "ops.internal" }, pools: ["p1", "p2"] },
        { certificate: { cn: "admin" }, pools: "*" },
        { certificate: "any", pools: ["p3"] },
      ],
    });
    expect(credentials).to.deep.equal([
      { tokenSha256: HASH, pools: ["p1"] },
      { certificate: { uri: "spiffe://example.org/a" }, pools: "*" },
      { certificate: { dns: "ops.internal" }, pools: ["p1", "p2"] },
      { certificate: { cn: "admin" }, pools: "*" },
      { certificate: "any", pools: ["p3"] },
    ]);
  });

  const bad: [string, unknown, RegExp][] = [
    ["both a token and a certificate", { tokenSha256: HASH, certificate: "any" }, /exactly one/],
    ["neither", { pools: "*" }, /exactly one/],
    ["an unknown key", { certificate: "any", role: "admin" }, /unknown setting "role"/],
    ["two names in one certificate", { certificate: { uri: "a", dns: "b" } }, /exactly one of uri, dns, cn/],
    ["an unknown name kind", { certificate: { email: "a@b" } }, /exactly one of uri, dns, cn/],
    ["an empty name", { certificate: { cn: "" } }, /1 to 1024/],
    ["a token digest that is not hex", { tokenSha256: "xyz" }, /64 hex/],
    ["pools that are not a list", { certificate: "any", pools: "p1" }, /pools/],
  ];
  for (const [label, entry, message] of bad) {
    it(`refuses ${label}`, () => expect(() => adminCredentials(withCa(), { adminCredentials: [entry as never] })).to.throw(message));
  }

  it("refuses certificate credentials when no client CA could verify them", () => {
    expect(() => adminCredentials(testConfig("redis://x"), { adminCredentials: [{ certificate: "any" }] })).to.throw(/TLS_CLIENT_CA_FILE/);
  });
});

describe("certificate identities", () => {
  it("parses Node's subjectaltname text, quoted values included", () => {
    expect(subjectAltNames('DNS:a.example, URI:spiffe://example.org/ns/x, IP Address:127.0.0.1, URI:"spiffe://example.org/a,b"')).to.deep.equal([
      { type: "DNS", value: "a.example" },
      { type: "URI", value: "spiffe://example.org/ns/x" },
      { type: "IP Address", value: "127.0.0.1" },
      { type: "URI", value: "spiffe://example.org/a,b" },
    ]);
  });

  it("matches URIs exactly, DNS names without case, the CN exactly; a comma inside a URI is not two names", () => {
    const identity = peerIdentity({ subjectaltname: 'URI:"spiffe://example.org/a,DNS:evil", DNS:Ops.Internal', subject: { CN: "admin" } } as never);
    expect(carries(identity, { uri: "spiffe://example.org/a,DNS:evil" })).to.equal(true);
    expect(carries(identity, { dns: "evil" })).to.equal(false);
    expect(carries(identity, { uri: "spiffe://example.org/a" })).to.equal(false);
    expect(carries(identity, { dns: "ops.internal" })).to.equal(true);
    expect(carries(identity, { cn: "admin" })).to.equal(true);
    expect(carries(identity, { cn: "Admin" })).to.equal(false);
  });

  it("a certificate with several CNs has none to match", () => {
    expect(peerIdentity({ subjectaltname: "", subject: { CN: ["a", "b"] } } as never).commonName).to.equal(undefined);
  });
});
