// A throw-away certificate authority for tests, made with the openssl CLI in a temporary folder:
// a CA and the leaf certificates it issues (EC P-256, valid from an hour ago for a day).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Issued {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: Buffer;
  readonly key: Buffer;
}

export class TestCa implements Issued {
  private serial = 1;
  readonly certFile: string;
  readonly keyFile: string;

  private constructor(
    readonly dir: string,
    readonly name: string,
  ) {
    this.certFile = join(dir, `${name}.pem`);
    this.keyFile = join(dir, `${name}.key`);
    openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", this.keyFile]);
    openssl(["req", "-x509", "-new", "-key", this.keyFile, "-subj", `/CN=${name}`, "-days", "2", "-sha256", "-out", this.certFile,
      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
  }

  /** A new CA in its own temporary folder. */
  static create(name: string): TestCa {
    return new TestCa(mkdtempSync(join(tmpdir(), "identity-ca-")), name);
  }

  get cert(): Buffer {
    return readFileSync(this.certFile);
  }
  get key(): Buffer {
    return readFileSync(this.keyFile);
  }

  /** A leaf for `cn` with subjectAltName entries such as `DNS:localhost`, `IP:127.0.0.1`. */
  issue(name: string, cn: string, san: readonly string[] = []): Issued {
    const keyFile = join(this.dir, `${name}.key`);
    const csrFile = join(this.dir, `${name}.csr`);
    const certFile = join(this.dir, `${name}.pem`);
    const extFile = join(this.dir, `${name}.ext`);
    openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", keyFile]);
    openssl(["req", "-new", "-key", keyFile, "-subj", `/CN=${cn}`, "-out", csrFile]);
    const extensions = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth,clientAuth"];
    if (san.length > 0) extensions.push(`subjectAltName=${san.join(",")}`);
    writeFileSync(extFile, `${extensions.join("\n")}\n`);
    openssl(["x509", "-req", "-in", csrFile, "-CA", this.certFile, "-CAkey", this.keyFile, "-set_serial", String(this.serial++ + 1000),
      "-days", "1", "-sha256", "-extfile", extFile, "-out", certFile]);
    return { certFile, keyFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function openssl(args: string[]): void {
  execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
}
