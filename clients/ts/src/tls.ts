/**
 * Channel credentials for a server that serves TLS: trust `caFile` (the CA that issued the server's
 * certificate; default: the system roots), and present a client certificate (`certFile`, the PEM
 * chain, with `keyFile`) for mTLS. AdminService authenticates a client certificate whose identity
 * (SAN URI / DNS name / CN) an `adminCredentials` entry names, for the pools it lists.
 */
import * as grpc from "@grpc/grpc-js";
import { readFileSync } from "node:fs";

export interface TlsFiles {
  /** PEM CA bundle to verify the server with; omitted: the system roots. */
  readonly caFile?: string;
  /** PEM client certificate chain (leaf first) for mTLS; goes with keyFile. */
  readonly certFile?: string;
  readonly keyFile?: string;
}

export function tlsCredentials(files: TlsFiles = {}): grpc.ChannelCredentials {
  if (Boolean(files.certFile) !== Boolean(files.keyFile)) throw new Error("tlsCredentials: certFile and keyFile go together");
  const read = (path: string | undefined) => (path ? readFileSync(path) : null);
  return grpc.credentials.createSsl(read(files.caFile), read(files.keyFile), read(files.certFile));
}
