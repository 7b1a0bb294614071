import { createHash, X509Certificate } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createSecureContext, type SecureContextOptions } from "node:tls";
import type { Logger } from "../flows/logger.js";

/** The files one listener's TLS context is made of. */
export interface CertificatePaths {
  readonly certFile: string;
  readonly keyFile: string;
  /** Client CA bundle: present when the listener verifies client certificates. */
  readonly caFile?: string | undefined;
  readonly crlFile?: string | undefined;
}

export type ContextListener = (options: SecureContextOptions) => void;

/**
 * A listener's certificate, key, client CA and CRL, re-read when the files change (a stat check every
 * interval) or on demand (SIGHUP). A new set is published only after OpenSSL accepts it (the key
 * matches the certificate, every PEM parses): a half-written rotation (new certificate, old key) keeps
 * the previous context and is tried again at the next change. Listeners apply it to new connections
 * only (tls.Server#setSecureContext); connections already open keep theirs and finish their calls.
 */
export class CertificateFiles {
  private options: SecureContextOptions;
  private digest: string;
  private statSignature: string;
  private readonly listeners = new Set<ContextListener>();
  private timer: NodeJS.Timeout | undefined;

  /** Reads and checks the files; throws when they do not make a usable context (the start fails). */
  constructor(readonly name: string, private readonly paths: CertificatePaths, private readonly log: Logger) {
    this.statSignature = this.stats();
    const loaded = readContext(paths);
    this.options = loaded.options;
    this.digest = loaded.digest;
  }

  /** The context options in force. */
  current(): SecureContextOptions {
    return this.options;
  }

  /** Calls `listener` with every context published from now on; returns the unsubscribe. */
  onChange(listener: ContextListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks the files' stats every `intervalMs` (0: never; SIGHUP still reloads). */
  watch(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      const signature = this.stats();
      if (signature !== this.statSignature) this.reload();
    }, intervalMs);
    this.timer.unref();
  }

  /**
   * Re-reads the files. Returns "reloaded" when a new, valid set was published, "unchanged" when the
   * contents are what is in force, "rejected" when they do not make a context (the old one stays).
   */
  reload(): "reloaded" | "unchanged" | "rejected" {
    this.statSignature = this.stats();
    let loaded: { options: SecureContextOptions; digest: string };
    try {
      loaded = readContext(this.paths);
    } catch (error) {
      this.log.warn({ listener: this.name, err: error instanceof Error ? error.message : String(error) }, "TLS files not reloaded: they do not make a valid context; the previous certificate stays in use");
      return "rejected";
    }
    if (loaded.digest === this.digest) return "unchanged";
    this.options = loaded.options;
    this.digest = loaded.digest;
    this.log.info({ listener: this.name, ...describe(loaded.options.cert) }, "TLS certificate reloaded");
    for (const listener of this.listeners) listener(loaded.options);
    return "reloaded";
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private stats(): string {
    return this.files().map((file) => {
      try {
        const s = statSync(file);
        return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
      } catch {
        return "missing";
      }
    }).join("|");
  }

  private files(): string[] {
    const { certFile, keyFile, caFile, crlFile } = this.paths;
    return [certFile, keyFile, caFile, crlFile].filter((f): f is string => f !== undefined);
  }
}

function readContext(paths: CertificatePaths): { options: SecureContextOptions; digest: string } {
  const cert = readFileSync(paths.certFile);
  const key = readFileSync(paths.keyFile);
  const ca = paths.caFile ? readFileSync(paths.caFile) : undefined;
  const crl = paths.crlFile ? readFileSync(paths.crlFile) : undefined;
  // Node reads one CRL per entry: a file holding several (one per CA in the chain) is split.
  const crls = crl ? pemBlocks(crl.toString("utf8"), "X509 CRL") : undefined;
  if (crls?.length === 0) throw new Error(`${paths.crlFile}: no PEM CRL in the file`);
  const options: SecureContextOptions = { cert, key, ...(ca ? { ca } : {}), ...(crls ? { crl: crls } : {}) };
  // Throws on a key that does not match the certificate, or on a PEM that does not parse.
  createSecureContext(options);
  const digest = createHash("sha256");
  for (const part of [cert, key, ca, crl]) digest.update(part ?? "").update("\0");
  return { options, digest: digest.digest("hex") };
}

function pemBlocks(text: string, label: string): string[] {
  return text.match(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, "g")) ?? [];
}

/** What the logs say about a served certificate: who it names and until when, never its bytes. */
function describe(cert: SecureContextOptions["cert"]): Record<string, string> {
  try {
    const leaf = new X509Certificate(Buffer.isBuffer(cert) ? cert : String(cert));
    return { subject: leaf.subject.replace(/\n/g, ", "), validTo: leaf.validTo, fingerprint256: leaf.fingerprint256 };
  } catch {
    return {};
  }
}
