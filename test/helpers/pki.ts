import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throw-away PKI made with the openssl CLI in a temporary directory: CAs (root or intermediate),
 * leaf certificates with chosen names and validity periods, self-signed certificates, revocations
 * and CRLs. EC P-256 keys keep it fast.
 */
export interface Issued {
  readonly certFile: string;
  readonly keyFile: string;
  /** The leaf followed by the intermediates between it and the root (what a peer sends). */
  readonly chainFile: string;
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly chain: Buffer;
}

export interface Ca extends Issued {
  readonly name: string;
  readonly dir: string;
  readonly configFile: string;
  /** Certificates from the root down to this CA (excluding the root): what leaves append. */
  readonly intermediates: readonly string[];
}

export interface LeafOptions {
  readonly cn: string;
  /** subjectAltName entries as openssl writes them: `URI:spiffe://…`, `DNS:…`, `IP:127.0.0.1`. */
  readonly san?: readonly string[];
  /** Validity relative to now, in hours (defaults: from an hour ago to a day ahead). */
  readonly fromHours?: number;
  readonly toHours?: number;
}

export class Pki {
  readonly dir = mkdtempSync(join(tmpdir(), "identity-pki-"));
  private counter = 0;

  /** A root CA, or an intermediate under `parent`. */
  ca(name: string, parent?: Ca): Ca {
    const dir = join(this.dir, name);
    mkdirSync(join(dir, "certs"), { recursive: true });
    writeFileSync(join(dir, "index.txt"), "");
    writeFileSync(join(dir, "serial"), `${(0x1000 + this.counter++ * 0x100).toString(16)}\n`);
    writeFileSync(join(dir, "crlnumber"), "01\n");
    const configFile = join(dir, "ca.cnf");
    writeFileSync(configFile, caConfig(dir));
    const keyFile = join(dir, "ca.key");
    const certFile = join(dir, "ca.pem");
    newKey(keyFile);
    if (!parent) {
      openssl(["req", "-x509", "-new", "-key", keyFile, "-subj", `/CN=${name}`, "-days", "3", "-sha256", "-out", certFile,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
    } else {
      this.sign(parent, keyFile, certFile, `/CN=${name}`, ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign"], -1, 48);
    }
    const intermediates = parent ? [certFile, ...parent.intermediates] : [];
    const chainFile = join(dir, "chain.pem");
    writeFileSync(chainFile, intermediates.map((f) => readFileSync(f, "utf8")).join(""));
    return { name, dir, configFile, certFile, keyFile, chainFile, intermediates, ...contents(certFile, keyFile, chainFile) };
  }

  /** A client or server certificate issued by `ca` (extended key usage: both). */
  issue(ca: Ca, name: string, options: LeafOptions): Issued {
    const keyFile = join(this.dir, `${name}.key`);
    const certFile = join(this.dir, `${name}.pem`);
    newKey(keyFile);
    const extensions = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=clientAuth,serverAuth"];
    if (options.san?.length) extensions.push(`subjectAltName=${options.san.join(",")}`);
    this.sign(ca, keyFile, certFile, `/CN=${options.cn}`, extensions, options.fromHours ?? -1, options.toHours ?? 24);
    const chainFile = join(this.dir, `${name}.chain.pem`);
    writeFileSync(chainFile, [certFile, ...ca.intermediates].map((f) => readFileSync(f, "utf8")).join(""));
    return { certFile, keyFile, chainFile, ...contents(certFile, keyFile, chainFile) };
  }

  /** A certificate that signs itself (no CA vouches for it). */
  selfSigned(name: string, options: LeafOptions): Issued {
    const keyFile = join(this.dir, `${name}.key`);
    const certFile = join(this.dir, `${name}.pem`);
    newKey(keyFile);
    const args = ["req", "-x509", "-new", "-key", keyFile, "-subj", `/CN=${options.cn}`, "-days", "1", "-sha256", "-out", certFile,
      "-addext", "extendedKeyUsage=clientAuth,serverAuth"];
    if (options.san?.length) args.push("-addext", `subjectAltName=${options.san.join(",")}`);
    openssl(args);
    return { certFile, keyFile, chainFile: certFile, ...contents(certFile, keyFile, certFile) };
  }

  /** Marks `certificate` revoked in `ca`'s database (it appears in the next CRL). */
  revoke(ca: Ca, certificate: Issued): void {
    openssl(["ca", "-batch", "-config", ca.configFile, "-keyfile", ca.keyFile, "-cert", ca.certFile, "-revoke", certificate.certFile]);
  }

  /** `ca`'s current CRL, PEM. */
  crl(ca: Ca): string {
    const out = join(ca.dir, `crl-${this.counter++}.pem`);
    openssl(["ca", "-batch", "-gencrl", "-config", ca.configFile, "-keyfile", ca.keyFile, "-cert", ca.certFile, "-out", out]);
    return readFileSync(out, "utf8");
  }

  /** Writes `text` into the PKI directory; returns the path. */
  file(name: string, text: string | Buffer): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private sign(ca: Ca, keyFile: string, certFile: string, subject: string, extensions: string[], fromHours: number, toHours: number): void {
    const csr = `${certFile}.csr`;
    const ext = `${certFile}.ext`;
    openssl(["req", "-new", "-key", keyFile, "-subj", subject, "-out", csr]);
    writeFileSync(ext, `[v3]\n${extensions.join("\n")}\n`);
    openssl(["ca", "-batch", "-notext", "-config", ca.configFile, "-keyfile", ca.keyFile, "-cert", ca.certFile, "-in", csr, "-out", certFile,
      "-startdate", asn1Time(fromHours), "-enddate", asn1Time(toHours), "-extfile", ext, "-extensions", "v3"]);
  }
}

function newKey(path: string): void {
  openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path]);
}

function contents(certFile: string, keyFile: string, chainFile: string) {
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), chain: readFileSync(chainFile) };
}

function openssl(args: string[]): void {
  execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
}

/** YYYYMMDDHHMMSSZ, `hours` from now. */
function asn1Time(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString().replace(/[-:T]/g, "").replace(/\.\d+Z$/, "Z");
}

function caConfig(dir: string): string {
  return `[ ca ]
default_ca = own
[ own ]
dir = ${dir}
database = $dir/index.txt
new_certs_dir = $dir/certs
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_crl_days = 2
policy = anything
unique_subject = no
copy_extensions = none
email_in_dn = no
[ anything ]
commonName = supplied
`;
}
