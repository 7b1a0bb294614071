import { performance } from "node:perf_hooks";
import { startTestApp } from "./test/helpers/test-app.js";
const t = await startTestApp();
await t.admin.createUserPool({ poolName: "imp", userPoolId: "us-east-1_Imp1", settings: undefined }, t.adminMetadata);
const N = Number(process.argv[2] ?? 20000);
const start = performance.now();
let inflight: Promise<unknown>[] = [];
for (let i = 0; i < N; i += 500) {
  const rows = Array.from({ length: 500 }, (_, j) => ({ username: `user${i + j}`, attributes: [{ name: "email", value: `user${i + j}@example.com` }, { name: "email_verified", value: "true" }] }));
  inflight.push(t.admin.importUsers({ userPoolId: "us-east-1_Imp1", users: rows }, t.adminMetadata).then((r) => { if (r.result?.$case !== "success" || r.result.value.importedCount !== 500) throw new Error("import failed"); }));
  if (inflight.length >= 4) { await Promise.all(inflight); inflight = []; }
}
await Promise.all(inflight);
const s = (performance.now() - start) / 1000;
console.log(`${N} users in ${s.toFixed(2)} s → ${(N / s).toFixed(0)} users/s`);
await t.stop();
