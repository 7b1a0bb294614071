// Waits until grpc.health.v1.Health/Check answers SERVING at ADDR (overall service ""), or fails.
// Usage: node scripts/sdk/wait-health.mjs HOST:PORT [TIMEOUT_SECONDS] [PID_TO_WATCH]
// The messages are tiny, so they are encoded by hand: HealthCheckRequest{service=""} is empty and
// HealthCheckResponse{status=SERVING} is the bytes 08 01.
// With IDP_TLS_CA_FILE set (SDK_TLS=1 runs) it connects over TLS, trusting that CA.
import * as grpc from "@grpc/grpc-js";
import { readFileSync } from "node:fs";

const [addr, timeoutArg = "60", watchPid] = process.argv.slice(2);
if (!addr) {
  console.error("usage: wait-health.mjs HOST:PORT [TIMEOUT_SECONDS] [PID]");
  process.exit(2);
}
const until = Date.now() + Number(timeoutArg) * 1000;
const caFile = process.env.IDP_TLS_CA_FILE;
const client = new grpc.Client(addr, caFile ? grpc.credentials.createSsl(readFileSync(caFile)) : grpc.credentials.createInsecure());
const STATUS = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"];

function check() {
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      "/grpc.health.v1.Health/Check",
      () => Buffer.alloc(0),
      (bytes) => bytes,
      {},
      new grpc.Metadata(),
      { deadline: Date.now() + 2000 },
      (err, bytes) => {
        if (err) resolve(`error ${grpc.status[err.code]}: ${err.details}`);
        else resolve(bytes.length === 2 && bytes[0] === 0x08 ? STATUS[bytes[1]] ?? `status ${bytes[1]}` : "UNKNOWN");
      },
    );
  });
}

function alive(pid) {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

let last = "";
for (;;) {
  last = await check();
  if (last === "SERVING") {
    client.close();
    console.error(`[sdk] ${addr} is SERVING`);
    process.exit(0);
  }
  if (watchPid && !alive(watchPid)) {
    console.error(`[sdk] the server (pid ${watchPid}) exited before it was SERVING (last: ${last})`);
    process.exit(1);
  }
  if (Date.now() > until) {
    console.error(`[sdk] ${addr} not SERVING after ${timeoutArg}s (last: ${last})`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}
