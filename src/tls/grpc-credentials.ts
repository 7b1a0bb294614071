import * as grpc from "@grpc/grpc-js";
import type { CertificateFiles } from "./certificate-files.js";
import { verifiedPeerCertificate } from "./peer-identity.js";

/**
 * gRPC server credentials over a reloading certificate set.
 *
 * `ServerCredentials.createSsl(ca, pairs, true)` makes OpenSSL refuse every connection without a
 * valid client certificate, and with `false` it never asks for one. We need the middle: ask for a
 * certificate (`requestCert`) but let the handshake finish without one (`rejectUnauthorized: false`).
 * Node then marks the socket `authorized` only when the chain verified against the client CA (dates,
 * intermediates the client sent, CRL); grpc-js exposes the peer certificate to handlers only for
 * authorized sockets (getAuthContext), so an unverified certificate is the same as none.
 * AdminService decides from there (admin-auth.ts); AuthService optionally refuses calls without one.
 */
export class ReloadingServerCredentials extends grpc.ServerCredentials {
  private readonly interceptors: grpc.ServerInterceptor[];
  private readonly unsubscribe: () => void;

  constructor(files: CertificateFiles, options: { requestClientCertificate: boolean; requireForServices: readonly string[] }) {
    super({ requestCert: options.requestClientCertificate, rejectUnauthorized: false }, files.current());
    this.interceptors = options.requireForServices.length > 0 ? [requireClientCertificate(options.requireForServices)] : [];
    // grpc-js hands new context options to every bound listener (http2 server setSecureContext).
    this.unsubscribe = files.onChange((context) => this.updateSecureContextOptions(context));
  }

  override _getInterceptors(): grpc.ServerInterceptor[] {
    return this.interceptors;
  }

  _equals(other: grpc.ServerCredentials): boolean {
    return other === this;
  }

  close(): void {
    this.unsubscribe();
  }
}

/** Refuses calls to the named services (full names) from peers without a verified certificate. */
function requireClientCertificate(services: readonly string[]): grpc.ServerInterceptor {
  const prefixes = services.map((name) => `/${name}/`);
  return (method, call) => {
    if (!prefixes.some((prefix) => method.path.startsWith(prefix))) return new grpc.ServerInterceptingCall(call);
    const listener = new grpc.ServerListenerBuilder()
      .withOnReceiveMetadata((metadata, next) => {
        if (verifiedPeerCertificate(call.getAuthContext())) next(metadata);
        else call.sendStatus({ code: grpc.status.UNAUTHENTICATED, details: "a client certificate from the configured CA is required" });
      })
      .build();
    return new grpc.ServerInterceptingCall(call, new grpc.ResponderBuilder().withStart((next) => next(listener)).build());
  };
}
