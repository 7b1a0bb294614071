import { expect } from "chai";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync } from "node:fs";
import { randomBytes, X509Certificate } from "node:crypto";
import { requireBuild } from "../helpers/built-server.js";
import { Pki, type Ca, type Issued } from "../helpers/pki.js";
import { freePort, startRedis, type TestRedis } from "../helpers/redis-server.js";
import { servedFingerprint } from "../helpers/tls-clients.js";

/** Resolves once `count` lines of the process's output contain `text` (counting from now). */
function linesContaining(child: ChildProcess, text: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffered = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      seen += lines.filter((line) => line.includes(text)).length;
      if (seen >= count) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the server exited (${code}) before ${count} × "${text}"`)));
  });
}

describe("SIGHUP reloads the certificate in every worker of the built server (node dist/main.js, IDP_WORKERS=2)", function () {
  this.timeout(60_000);
  let pki: Pki;
  let serverCa: Ca;
  let a: Issued;
  let b: Issued;
  let redis: TestRedis;
  let child: ChildProcess;
  let port: number;
  const live = { certFile: "", keyFile: "" };

  before(async () => {
    pki = new Pki();
    serverCa = pki.ca("server-ca");
    a = pki.issue(serverCa, "server-a", { cn: "server a", san: ["DNS:localhost", "IP:127.0.0.1"] });
    b = pki.issue(serverCa, "server-b", { cn: "server b", san: ["DNS:localhost", "IP:127.0.0.1"] });
    live.certFile = pki.file("live.pem", a.chain);
    live.keyFile = pki.file("live.key", a.key);
    redis = await startRedis();
    port = await freePort();
    child = spawn(process.execPath, [requireBuild()], {
      env: {
        PATH: process.env.PATH ?? "", GRPC_ADDR: `127.0.0.1:${port}`, HTTP_ADDR: "off", REDIS_URL: redis.url,
        IDP_MASTER_KEY: randomBytes(32).toString("hex"), TLS_CERT_FILE: live.certFile, TLS_KEY_FILE: live.keyFile,
        TLS_RELOAD_INTERVAL_SECONDS: "0", IDP_WORKERS: "2", LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr?.resume();
    await linesContaining(child, "identity service listening", 2);
  });
  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await redis?.stop();
    pki?.remove();
  });

  it("serves the new certificate on every new connection after one SIGHUP to the primary, and keeps running", async () => {
    expect(await servedFingerprint(port, serverCa.cert)).to.equal(new X509Certificate(a.cert).fingerprint256);
    copyFileSync(b.chainFile, live.certFile);
    copyFileSync(b.keyFile, live.keyFile);
    const reloaded = linesContaining(child, "TLS certificate reloaded", 2);
    child.kill("SIGHUP");
    await reloaded;
    // Connections are spread over both workers: every one must see the new certificate.
    const fingerprints = await Promise.all(Array.from({ length: 8 }, () => servedFingerprint(port, serverCa.cert)));
    expect(new Set(fingerprints)).to.deep.equal(new Set([new X509Certificate(b.cert).fingerprint256]));
    expect(child.exitCode).to.equal(null);
  });
});
