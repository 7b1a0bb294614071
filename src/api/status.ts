import * as grpc from "@grpc/grpc-js";

/** A gRPC status for what is not a domain outcome. Details never carry internals or secrets. */
export function statusError(code: grpc.status, details: string): Partial<grpc.StatusObject> {
  return { code, details, metadata: new grpc.Metadata() };
}

/**
 * Infrastructure failures: Redis unreachable or slow → UNAVAILABLE (retryable); anything else is a
 * bug → INTERNAL with a generic text (the cause goes to the log only).
 */
export function infrastructureStatus(error: unknown): Partial<grpc.StatusObject> {
  return isStoreUnavailable(error) ? statusError(grpc.status.UNAVAILABLE, "the identity store is unavailable") : statusError(grpc.status.INTERNAL, "internal error");
}

function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message}`;
  return /Connection is closed|Stream isn't writeable|enableOfflineQueue|ECONNREFUSED|ETIMEDOUT|Command timed out|CLUSTERDOWN|MaxRetriesPerRequest|All nodes failed|LOADING|TRYAGAIN|TIMEOUT/i.test(text);
}
