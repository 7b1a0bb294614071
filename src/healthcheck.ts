#!/usr/bin/env node
import * as grpc from "@grpc/grpc-js";

/**
 * The image's HEALTHCHECK (`node dist/healthcheck.js`): exit 0 when the server in this container
 * answers grpc.health.v1.Health/Check with SERVING (which it does only while Redis answers), else 1.
 * It asks the gRPC port of GRPC_ADDR on loopback, over TLS when the server uses TLS (certificate not
 * verified: it is our own server on 127.0.0.1).
 */
const port = /:(\d+)$/.exec(process.env.GRPC_ADDR ?? "0.0.0.0:50051")?.[1] ?? "50051";
const credentials = process.env.TLS_CERT_FILE
  ? grpc.credentials.createSsl(null, null, null, { checkServerIdentity: () => undefined, rejectUnauthorized: false })
  : grpc.credentials.createInsecure();
const client = new grpc.Client(`127.0.0.1:${port}`, credentials);
// HealthCheckRequest{service=""} is empty; HealthCheckResponse{status=SERVING} is the bytes 08 01.
client.makeUnaryRequest(
  "/grpc.health.v1.Health/Check",
  () => Buffer.alloc(0),
  (bytes: Buffer) => bytes,
  {},
  new grpc.Metadata(),
  { deadline: Date.now() + 2_000 },
  (error, reply) => {
    client.close();
    const serving = !error && reply?.length === 2 && reply[0] === 0x08 && reply[1] === 0x01;
    if (!serving) process.stderr.write(`unhealthy: ${error ? error.details : "not SERVING"}\n`);
    process.exit(serving ? 0 : 1);
  },
);
