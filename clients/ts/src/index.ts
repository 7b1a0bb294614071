export {
  createAdminClient,
  createAuthClient,
  createClient,
  createTriggerClient,
  NoResultError,
  type AdminClient,
  type AuthClient,
  type CallOptions,
  type ClientOptions,
  type DeepPartial,
  type PromiseClient,
  type RequestOf,
  type ResponseOf,
  type ResultOf,
  type ServiceSpec,
  type TriggerClient,
  type UnaryMethod,
} from "./client.js";
export { secretHash } from "./secret-hash.js";
export { tlsCredentials, type TlsFiles } from "./tls.js";
export { SrpClient, type PasswordVerifierOptions, type PasswordVerifierParameters } from "./srp.js";
export { signInWithSrp, type SrpSignInInput, type SrpSignInResult } from "./srp-sign-in.js";
export { adminService, authService, triggerService } from "./gen/services.js";
export * from "./gen/identity/v1/common.js";
export * from "./gen/identity/v1/errors.js";
export * from "./gen/identity/v1/auth_service.js";
export * from "./gen/identity/v1/admin_service.js";
export * from "./gen/identity/v1/trigger_service.js";
export * from "./auth/index.js";
// The grpc-js this SDK is built with: services using the interceptor or call credentials should take
// grpc from here, so that one copy of grpc-js sees both.
export * as grpc from "@grpc/grpc-js";
export { openOutboxEntry, outboxKeyId, OutboxEntryError, type OutboxMessage } from "./outbox.js";
