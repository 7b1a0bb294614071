import * as grpc from "@grpc/grpc-js";
import { connect } from "node:tls";
import { AdminServiceClient } from "../../src/gen/identity/v1/admin_service.js";
import { AuthServiceClient } from "../../src/gen/identity/v1/auth_service.js";
import { promiseClient } from "./clients.js";

/** What a TLS client presents: the CA it trusts for the server, and optionally its own key and chain. */
export interface ClientTls {
  readonly serverCa: Buffer;
  readonly key?: Buffer;
  readonly chain?: Buffer;
}

/** Generated clients over TLS (mTLS when `tls` carries a key and chain), on their own connections. */
export function tlsClients(port: number, tls: ClientTls) {
  const credentials = grpc.credentials.createSsl(tls.serverCa, tls.key ?? null, tls.chain ?? null);
  const address = `127.0.0.1:${port}`;
  // Own connections: grpc-js would otherwise share one with an earlier client of equal credentials.
  const options = { "grpc.use_local_subchannel_pool": 1 };
  const authClient = new AuthServiceClient(address, credentials, options);
  const adminClient = new AdminServiceClient(address, credentials, options);
  return {
    auth: promiseClient(authClient),
    admin: promiseClient(adminClient),
    close() {
      authClient.close();
      adminClient.close();
    },
  };
}

/** The SHA-256 fingerprint of the certificate a TLS server presents to a new connection. */
export function servedFingerprint(port: number, serverCa: Buffer, alpn = ["h2"]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, ca: serverCa, ALPNProtocols: alpn, servername: "localhost" }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      resolve(fingerprint);
    });
    socket.once("error", reject);
  });
}
