import * as grpc from "@grpc/grpc-js";
import { ReflectionService } from "@grpc/reflection";
import { HealthImplementation } from "grpc-health-check";
import type { Deps } from "../flows/deps.js";
import { AdminServiceService } from "../gen/identity/v1/admin_service.js";
import { AuthServiceService } from "../gen/identity/v1/auth_service.js";
import { descriptorSet } from "../gen/descriptors.js";
import type { AdminAuthOptions } from "./admin-auth.js";
import { adminService } from "./admin-service.js";
import { authService } from "./auth-service.js";
import { DecodingServer } from "./decoding-server.js";
import { reflectionPackage } from "./reflection.js";
import type { UnaryContext } from "./unary.js";

export const SERVICE_NAMES = ["identity.v1.AuthService", "identity.v1.AdminService"] as const;

/** Message and connection limits: requests are small; ImportUsers batches are the largest. */
const SERVER_OPTIONS: grpc.ServerOptions = {
  "grpc.max_receive_message_length": 4 * 1024 * 1024,
  "grpc.max_send_message_length": 8 * 1024 * 1024,
  "grpc.keepalive_time_ms": 60_000,
  "grpc.keepalive_timeout_ms": 20_000,
  "grpc.keepalive_permit_without_calls": 1,
  "grpc.max_connection_age_ms": 30 * 60_000,
  "grpc.max_connection_age_grace_ms": 30_000,
};

export interface GrpcServer {
  readonly server: grpc.Server;
  readonly health: HealthImplementation;
}

/** The gRPC server: both services, grpc.health.v1, and reflection over the full descriptor set. */
export function buildGrpcServer(deps: Deps, context: UnaryContext, adminAuth: AdminAuthOptions): GrpcServer {
  // Every request is decoded so that no bytes get INTERNAL (decoding-server.ts).
  const server = new DecodingServer(SERVER_OPTIONS);
  server.addService(AuthServiceService, authService(deps, context));
  server.addService(AdminServiceService, adminService(deps, context, adminAuth));
  const health = new HealthImplementation(Object.fromEntries([["", "NOT_SERVING"], ...SERVICE_NAMES.map((n) => [n, "NOT_SERVING"])]));
  health.addToServer(server);
  new ReflectionService(reflectionPackage(descriptorSet)).addToServer(server);
  return { server, health };
}

/** SERVING only while the store answers. */
export function setServing(health: HealthImplementation, serving: boolean): void {
  const status = serving ? "SERVING" : "NOT_SERVING";
  health.setStatus("", status);
  for (const name of SERVICE_NAMES) health.setStatus(name, status);
}

export function bind(server: grpc.Server, address: string, credentials: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(address, credentials, (error, port) => (error ? reject(error) : resolve(port))));
}

/** Stops accepting calls, lets running ones finish, and forces the rest after the grace period. */
export function shutdown(server: grpc.Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.forceShutdown(), graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
