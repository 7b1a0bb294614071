// Prints the code of the newest outbox entry of (event, username), opened with the outbox key:
//   node scripts/sdk/outbox-code.mjs EVENT USERNAME      (env: REDIS_URL, IDP_POOL_ID, IDP_OUTBOX_KEY hex)
// A minimal consumer of the sealed outbox (README "Outbox"); polls for up to 5 s.
import { createDecipheriv } from "node:crypto";
import { Redis } from "ioredis";

const [event, username] = process.argv.slice(2);
const { REDIS_URL, IDP_POOL_ID, IDP_OUTBOX_KEY } = process.env;
if (!event || !username || !REDIS_URL || !IDP_POOL_ID || !IDP_OUTBOX_KEY) {
  console.error("usage: REDIS_URL=… IDP_POOL_ID=… IDP_OUTBOX_KEY=<hex> node scripts/sdk/outbox-code.mjs EVENT USERNAME");
  process.exit(2);
}
const key = Buffer.from(IDP_OUTBOX_KEY, "hex");

function open(f) {
  const box = Buffer.from(f.sealed, "base64");
  const d = createDecipheriv("aes-256-gcm", key, box.subarray(0, 12));
  d.setAAD(Buffer.from(["identity.v1 outbox", f.pool, f.event, f.username, f.destination].join("\n")));
  d.setAuthTag(box.subarray(box.length - 16));
  return JSON.parse(Buffer.concat([d.update(box.subarray(12, box.length - 16)), d.final()]).toString("utf8"));
}

const redis = new Redis(REDIS_URL);
try {
  for (const until = Date.now() + 5_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    for (const [, flat] of await redis.xrevrange(`idp:{p:${IDP_POOL_ID}}:outbox`, "+", "-", "COUNT", 100)) {
      const f = Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]));
      if (f.event === event && f.username === username) {
        console.log(open(f).code);
        process.exit(0);
      }
    }
  }
  process.exit(1);
} finally {
  redis.disconnect();
}
