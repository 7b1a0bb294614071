import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { copyFileSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect, type TLSSocket } from "node:tls";
import { X509Certificate } from "node:crypto";
import type { CertificateFiles } from "../../src/tls/certificate-files.js";
import { bearer } from "../helpers/clients.js";
import { Pki, type Ca, type Issued } from "../helpers/pki.js";
import { ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.js";
import { servedFingerprint, tlsClients } from "../helpers/tls-clients.js";

const fingerprint = (cert: Issued) => new X509Certificate(cert.cert).fingerprint256;

/** Resolves at the next context the certificate set publishes (a reload that took). */
function nextReload(files: CertificateFiles | undefined): Promise<void> {
  if (!files) throw new Error("no certificate set");
  return new Promise((resolve) => {
    const off = files.onChange(() => {
      off();
      resolve();
    });
  });
}

/** GET over HTTPS on a fresh connection: status and body. */
function httpsGet(port: number, path: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: "127.0.0.1", port, path, ca, servername: "localhost", agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once("error", reject);
    req.end();
  });
}

/** A raw HTTP/1.1 keep-alive exchange on an already open TLS socket: the status line it answers. */
function getOnSocket(socket: TLSSocket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes("\r\n\r\n")) {
        socket.off("data", onData);
        resolve(text.split("\r\n")[0] ?? "");
      }
    };
    socket.on("data", onData);
    socket.once("error", reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
  });
}

function openTls(port: number, ca: Buffer, alpn: string[]): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, ca, servername: "localhost", ALPNProtocols: alpn }, () => resolve(socket));
    socket.once("error", reject);
  });
}

describe("TLS certificates rotate without a restart, on the gRPC and HTTP listeners", () => {
  let pki: Pki;
  let serverCa: Ca;
  const certs: Record<string, Issued> = {};
  let live: { certFile: string; keyFile: string };

  function install(cert: Issued, parts: "both" | "cert" | "key" = "both") {
    if (parts !== "key") copyFileSync(cert.chainFile, live.certFile);
    if (parts !== "cert") copyFileSync(cert.keyFile, live.keyFile);
  }

  before(() => {
    pki = new Pki();
    serverCa = pki.ca("server-ca");
    for (const name of ["a", "b", "c", "d", "http"]) certs[name] = pki.issue(serverCa, `server-${name}`, { cn: `server ${name}`, san: ["DNS:localhost", "IP:127.0.0.1"] });
    live = { certFile: pki.file("live.pem", ""), keyFile: pki.file("live.key", "") };
  });
  after(() => pki.remove());

  describe("watching the files", () => {
    let t: TestApp;
    before(async () => {
      install(certs.a!);
      t = await startTestApp({ overrides: { tls: { ...live, clientCaFile: undefined, reloadIntervalMs: 25 }, httpTls: live } });
    });
    after(() => t.stop());

    it("serves the certificate on both listeners, HTTPS answers /healthz, and plaintext HTTP to it fails", async () => {
      expect(await servedFingerprint(t.app.grpcPort, serverCa.cert)).to.equal(fingerprint(certs.a!));
      expect(await servedFingerprint(t.app.httpPort!, serverCa.cert, ["http/1.1"])).to.equal(fingerprint(certs.a!));
      expect(await httpsGet(t.app.httpPort!, "/healthz", serverCa.cert)).to.deep.equal({ status: 200, body: "ok\n" });
      const plaintext = await new Promise<string>((resolve) => {
        const req = httpGet({ host: "127.0.0.1", port: t.app.httpPort, path: "/healthz", agent: false }, (res) => resolve(`answered ${res.statusCode}`));
        req.once("error", (error) => resolve(`failed: ${error.message}`));
      });
      expect(plaintext).to.match(/^failed|^answered 400/);
    });

    it("a rewritten certificate is served to new connections; open connections and channels keep working", async () => {
      const channel = tlsClients(t.app.grpcPort, { serverCa: serverCa.cert });
      expect((await channel.admin.listUserPools({ maxResults: 1, nextToken: "" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
      const openHttps = await openTls(t.app.httpPort!, serverCa.cert, ["http/1.1"]);
      expect(openHttps.getPeerCertificate().fingerprint256).to.equal(fingerprint(certs.a!));

      const reloaded = Promise.all([nextReload(t.app.transport.files[0]), nextReload(t.app.transport.files[1])]);
      install(certs.b!);
      await reloaded;

      expect(await servedFingerprint(t.app.grpcPort, serverCa.cert)).to.equal(fingerprint(certs.b!));
      expect(await servedFingerprint(t.app.httpPort!, serverCa.cert, ["http/1.1"])).to.equal(fingerprint(certs.b!));
      // The channel opened before the rotation still answers; so does the HTTPS connection, still on A.
      expect((await channel.admin.listUserPools({ maxResults: 1, nextToken: "" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
      expect(await getOnSocket(openHttps, "/healthz")).to.equal("HTTP/1.1 200 OK");
      expect(openHttps.getPeerCertificate().fingerprint256).to.equal(fingerprint(certs.a!));
      openHttps.destroy();
      channel.close();
      // A fresh client trusts it as before.
      const fresh = tlsClients(t.app.grpcPort, { serverCa: serverCa.cert });
      expect((await fresh.admin.listUserPools({ maxResults: 1, nextToken: "" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
      fresh.close();
      expect(t.log.lines.join("\n")).to.include("TLS certificate reloaded");
    });
  });

  describe("SIGHUP, half-written rotations, and an HTTP listener with its own certificate", () => {
    let t: TestApp;
    before(async () => {
      install(certs.b!);
      t = await startTestApp({ overrides: { tls: { ...live, clientCaFile: undefined, reloadIntervalMs: 0 }, httpTls: { certFile: certs.http!.chainFile, keyFile: certs.http!.keyFile } } });
    });
    after(() => t.stop());

    it("the HTTP listener serves its own certificate", async () => {
      expect(await servedFingerprint(t.app.httpPort!, serverCa.cert, ["http/1.1"])).to.equal(fingerprint(certs.http!));
      expect(await servedFingerprint(t.app.grpcPort, serverCa.cert)).to.equal(fingerprint(certs.b!));
    });

    it("a new certificate with the old key is refused and the old one stays served, with a warning", async () => {
      install(certs.c!, "cert");
      expect(t.app.transport.reload()).to.deep.equal(["rejected", "unchanged"]);
      expect(await servedFingerprint(t.app.grpcPort, serverCa.cert)).to.equal(fingerprint(certs.b!));
      const client = tlsClients(t.app.grpcPort, { serverCa: serverCa.cert });
      expect((await client.admin.listUserPools({ maxResults: 1, nextToken: "" }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
      client.close();
      expect(t.log.lines.join("\n")).to.include("TLS files not reloaded");
    });

    it("SIGHUP reloads once the key is there too", async () => {
      install(certs.c!, "key");
      const reloaded = nextReload(t.app.transport.files[0]);
      process.kill(process.pid, "SIGHUP");
      await reloaded;
      expect(await servedFingerprint(t.app.grpcPort, serverCa.cert)).to.equal(fingerprint(certs.c!));
      expect(await servedFingerprint(t.app.httpPort!, serverCa.cert, ["http/1.1"])).to.equal(fingerprint(certs.http!));
    });

    it("unchanged files publish nothing", () => {
      expect(t.app.transport.reload()).to.deep.equal(["unchanged", "unchanged"]);
    });

    it("a client that does not trust the new certificate's CA cannot connect", async () => {
      const other = pki.ca("other-ca");
      const client = tlsClients(t.app.grpcPort, { serverCa: other.cert });
      const error = await client.admin.listUserPools({ maxResults: 1, nextToken: "" }, bearer(ADMIN_TOKEN)).then(() => undefined, (e: grpc.ServiceError) => e);
      expect(error?.code).to.equal(grpc.status.UNAVAILABLE);
      client.close();
      writeFileSync(live.certFile, ""); // leaves the files broken: the next reload must be refused
      expect(t.app.transport.reload()[0]).to.equal("rejected");
      expect(await servedFingerprint(t.app.grpcPort, serverCa.cert)).to.equal(fingerprint(certs.c!));
    });
  });
});
