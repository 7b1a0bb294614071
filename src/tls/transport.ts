import * as grpc from "@grpc/grpc-js";
import type { SecureContextOptions, Server as TlsServer } from "node:tls";
import type { Config } from "../config/config.js";
import type { Logger } from "../flows/logger.js";
import { CertificateFiles } from "./certificate-files.js";
import { ReloadingServerCredentials } from "./grpc-credentials.js";

/** The services whose calls need a client certificate when the AuthService setting is on. */
const AUTH_SERVICES = ["identity.v1.AuthService"] as const;

/**
 * The listeners' transport security: the gRPC credentials, the HTTP listener's TLS options, and
 * their reloading (a stat check every TLS_RELOAD_INTERVAL_SECONDS, and SIGHUP).
 */
export interface TransportSecurity {
  readonly grpcCredentials: grpc.ServerCredentials;
  /** The HTTP listener's context options; undefined: plaintext HTTP. */
  readonly httpTls: SecureContextOptions | undefined;
  /** Keeps an HTTPS listener on the newest certificate (new connections; open ones keep theirs). */
  attachHttp(server: TlsServer): void;
  /** Re-reads every certificate set now (what SIGHUP does). */
  reload(): ReturnType<CertificateFiles["reload"]>[];
  /** Every certificate set, to follow reloads (tests). */
  readonly files: readonly CertificateFiles[];
  close(): void;
}

export function startTransportSecurity(config: Config, log: Logger): TransportSecurity {
  const interval = config.tls?.reloadIntervalMs ?? 30_000;
  const grpcFiles = config.tls
    ? new CertificateFiles("grpc", { certFile: config.tls.certFile, keyFile: config.tls.keyFile, caFile: config.tls.clientCaFile, crlFile: config.tls.clientCrlFile }, log)
    : undefined;
  // The HTTP listener never asks for client certificates: it serves public documents and probes.
  const httpFiles = config.httpTls && config.http ? new CertificateFiles("http", { certFile: config.httpTls.certFile, keyFile: config.httpTls.keyFile }, log) : undefined;
  const files = [grpcFiles, httpFiles].filter((f): f is CertificateFiles => f !== undefined);
  for (const f of files) f.watch(interval);

  const grpcCredentials = grpcFiles
    ? new ReloadingServerCredentials(grpcFiles, {
      requestClientCertificate: config.tls?.clientCaFile !== undefined,
      requireForServices: config.tls?.requireClientCertificateForAuthService ? AUTH_SERVICES : [],
    })
    : grpc.ServerCredentials.createInsecure();

  const reload = () => files.map((f) => f.reload());
  const onHangup = () => {
    log.info({ listeners: files.map((f) => f.name) }, "SIGHUP: reloading TLS certificates");
    reload();
  };
  if (files.length > 0) process.on("SIGHUP", onHangup);

  return {
    grpcCredentials,
    httpTls: httpFiles ? plainContext(httpFiles.current()) : undefined,
    attachHttp(server) {
      httpFiles?.onChange((options) => server.setSecureContext(plainContext(options)));
    },
    reload,
    files,
    close() {
      process.removeListener("SIGHUP", onHangup);
      if (grpcCredentials instanceof ReloadingServerCredentials) grpcCredentials.close();
      for (const f of files) f.close();
    },
  };
}

/** Only the certificate and key: the HTTP listener verifies no clients. */
function plainContext(options: SecureContextOptions): SecureContextOptions {
  return { cert: options.cert, key: options.key };
}
