import * as grpc from "@grpc/grpc-js";
import { CallDeadlineExceeded, StoreDeadlineExceeded } from "../context/call-deadline.js";

/** A gRPC status for what is not a domain outcome. Details never carry internals or secrets. */
export function statusError(code: grpc.status, details: string): Partial<grpc.StatusObject> {
  return { code, details, metadata: new grpc.Metadata() };
}

/**
 * Infrastructure failures: Redis unreachable or slow → UNAVAILABLE (retryable); the caller's deadline
 * reached first → DEADLINE_EXCEEDED; anything else is a bug → INTERNAL with a generic text (the cause
 * goes to the log only).
 */
export function infrastructureStatus(error: unknown): Partial<grpc.StatusObject> {
  if (error instanceof CallDeadlineExceeded) return statusError(grpc.status.DEADLINE_EXCEEDED, "the call's deadline passed before its work finished");
  if (error instanceof StoreDeadlineExceeded) return statusError(grpc.status.UNAVAILABLE, "the identity store did not answer within the call's deadline");
  return isStoreUnavailable(error) ? statusError(grpc.status.UNAVAILABLE, "the identity store is unavailable") : statusError(grpc.status.INTERNAL, "internal error");
}

function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message}`;
  return /Connection is closed|Stream isn't writeable|enableOfflineQueue|ECONNREFUSED|ETIMEDOUT|Command timed out|CLUSTERDOWN|MaxRetriesPerRequest|All nodes failed|LOADING|TRYAGAIN|TIMEOUT|NOREPLICAS|MOVED|ASK |Too many Cluster redirections|Failed to refresh slots cache|MASTERDOWN/i.test(text);
}
