// Orders, a TypeScript service (grpc-js). Every call must carry a pool access token; the interceptor
// checks it against the pool's JWKS and the method's scope before the handler runs:
//   /orders.v1.Orders/GetOrder     needs orders/read
//   /orders.v1.Orders/CancelOrder  needs orders/write
// Env: IDP_ISSUER (the pool's issuer), ORDERS_ALLOWED_CLIENTS (comma-separated app client ids),
// ORDERS_ADDR (default 127.0.0.1:0). Prints "orders listening on HOST:PORT" once serving.
import { claimsOf, createAuthInterceptor, grpc, TokenVerifier } from "../../../clients/ts/dist/src/index.js";
import { decodeStringValue, encodeStringValue } from "./string-value.js";

const { IDP_ISSUER, ORDERS_ALLOWED_CLIENTS, ORDERS_ADDR = "127.0.0.1:0" } = process.env;
if (!IDP_ISSUER || !ORDERS_ALLOWED_CLIENTS) throw new Error("IDP_ISSUER and ORDERS_ALLOWED_CLIENTS are required");

const codec = {
  requestSerialize: encodeStringValue,
  requestDeserialize: decodeStringValue,
  responseSerialize: encodeStringValue,
  responseDeserialize: decodeStringValue,
};
const orders = {
  getOrder: { path: "/orders.v1.Orders/GetOrder", requestStream: false, responseStream: false, ...codec },
  cancelOrder: { path: "/orders.v1.Orders/CancelOrder", requestStream: false, responseStream: false, ...codec },
} satisfies grpc.ServiceDefinition;

const verifier = new TokenVerifier({ issuer: IDP_ISSUER, clientIds: ORDERS_ALLOWED_CLIENTS.split(",") });
await verifier.jwks.refresh(); // fetch the keys now, so no request waits for them

const server = new grpc.Server({
  interceptors: [
    createAuthInterceptor({
      verifier,
      methods: {
        [orders.getOrder.path]: { scopes: ["orders/read"] },
        [orders.cancelOrder.path]: { scopes: ["orders/write"] },
      },
    }),
  ],
});
server.addService(orders, {
  getOrder: (call: grpc.ServerUnaryCall<string, string>, done: grpc.sendUnaryData<string>) =>
    done(null, `order ${call.request}: 2 items, for ${claimsOf(call)!.clientId}`),
  cancelOrder: (call: grpc.ServerUnaryCall<string, string>, done: grpc.sendUnaryData<string>) =>
    done(null, `order ${call.request} cancelled by ${claimsOf(call)!.clientId}`),
});
const port = await new Promise<number>((resolve, reject) =>
  server.bindAsync(ORDERS_ADDR, grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
);
console.log(`orders listening on ${ORDERS_ADDR.replace(/:\d+$/, "")}:${port}`);
process.on("SIGTERM", () => server.tryShutdown(() => process.exit(0)));
