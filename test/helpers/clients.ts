import * as grpc from "@grpc/grpc-js";
import { AdminServiceClient } from "../../src/gen/identity/v1/admin_service.js";
import { AuthServiceClient } from "../../src/gen/identity/v1/auth_service.js";

/** A generated grpc-js client with promise-returning methods: `await auth.signUp(request, metadata?)`. */
export type PromiseClient<C> = {
  [K in keyof C as C[K] extends (request: infer _R, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: infer _C) => grpc.ClientUnaryCall ? K : never]:
    C[K] extends (request: infer R, metadata: grpc.Metadata, options: Partial<grpc.CallOptions>, callback: (error: grpc.ServiceError | null, response: infer S) => void) => grpc.ClientUnaryCall
      ? (request: R, metadata?: grpc.Metadata) => Promise<S>
      : never;
};

export function promiseClient<C extends grpc.Client>(client: C): PromiseClient<C> {
  return new Proxy(client, {
    get(target, name) {
      const method = (target as unknown as Record<string | symbol, unknown>)[name];
      if (typeof method !== "function" || name === "close") return typeof method === "function" ? method.bind(target) : method;
      return (request: unknown, metadata = new grpc.Metadata()) =>
        new Promise((resolve, reject) => {
          (method as (...a: unknown[]) => void).call(target, request, metadata, { deadline: Date.now() + 15_000 }, (error: grpc.ServiceError | null, response: unknown) => (error ? reject(error) : resolve(response)));
        });
    },
  }) as unknown as PromiseClient<C>;
}

export function testClients(port: number) {
  const address = `127.0.0.1:${port}`;
  const authClient = new AuthServiceClient(address, grpc.credentials.createInsecure());
  const adminClient = new AdminServiceClient(address, grpc.credentials.createInsecure());
  return {
    auth: promiseClient(authClient),
    admin: promiseClient(adminClient),
    close() {
      authClient.close();
      adminClient.close();
    },
  };
}

export function bearer(token: string): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set("authorization", `Bearer ${token}`);
  return metadata;
}
