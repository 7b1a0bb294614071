import { Cluster } from "ioredis";
import type { Sealer } from "../crypto/sealer.js";
import { CredentialSealer } from "./credentials.js";
import { identityVerifierContext } from "./identity-verifiers.js";
import { keys } from "./keys.js";
import { runScript, type RedisClient } from "./redis.js";
import { sessionContext } from "./sessions.js";
import { resealStableSeed } from "./stable-seed.js";
import { sealedCredentials, srpScope } from "./user-codec.js";

/** What `make reseal` did, by kind of sealed value. */
export interface ResealReport {
  /** Sealed values found (all kinds). */
  readonly seen: number;
  /** Re-sealed under the newest key. */
  readonly resealed: number;
  /** Changed by a server between our read and our write (then sealed under the newest key by it, or retried). */
  readonly raced: number;
  readonly byKind: Readonly<Record<string, number>>;
}

type Swap = (key: string, field: string, read: Buffer, next: Buffer) => Promise<boolean>;

/**
 * Re-seals everything sealed under an older key of the ring with the newest one (README "Security"):
 * the stable seed, and per pool its signing keys, client secrets, user credentials, per-identifier
 * SRP verifiers and challenge sessions. Safe while servers run: each value is replaced by compare-and-set (swap-sealed.lua), so
 * a concurrent write wins and nothing is lost; a value no key of the ring opens stops the run.
 * Every server must already have the new key in its ring (it opens what this writes).
 */
export async function resealAll(redis: RedisClient, sealer: Sealer): Promise<ResealReport> {
  const counts = { seen: 0, resealed: 0, raced: 0 };
  const byKind: Record<string, number> = {};
  const credentials = new CredentialSealer(sealer);
  const swap: Swap = async (key, field, read, next) => (await runScript(redis, "swapSealed", [key], [field, read, next])) === 1;
  const done = (kind: string, outcome: "current" | "resealed" | "raced") => {
    counts.seen++;
    if (outcome === "resealed") {
      counts.resealed++;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
    if (outcome === "raced") counts.raced++;
  };

  if (await resealStableSeed(redis, sealer)) done("stable seed", "resealed");
  for (const poolId of await redis.zrange(keys.poolIndex(), "0", "-1")) {
    // The pool's signing keys: one sealed value.
    await resealString(redis, keys.signingKey(poolId), swap, sealer, `signing-key:${poolId}`, "signing keys", done);
    for (const clientId of await redis.zrange(keys.poolClients(poolId), "0", "-1")) await resealClient(redis, clientId, swap, sealer, done);
    const userPrefix = keys.userPrefix(poolId);
    for await (const key of scan(redis, `${escapeGlob(userPrefix)}*`)) {
      const username = key.slice(userPrefix.length);
      for (let attempt = 0; attempt < 3; attempt++) {
        const bytes = await redis.getBuffer(key);
        const found = bytes ? sealedCredentials(bytes) : undefined;
        if (!bytes || !found) break;
        if (credentials.isCurrent(found.box)) { done("user credentials", "current"); break; }
        const scope = srpScope(poolId, username, found.sealedAt);
        const plain = credentials.open(scope, found.box);
        if (!plain) throw new Error(`the credentials of ${key} open under no key of the ring: keep the key that sealed them`);
        const next = Buffer.concat([bytes.subarray(0, found.offset), credentials.seal(scope, plain)]);
        if (await swap(key, "", bytes, next)) { done("user credentials", "resealed"); break; }
        done("user credentials", "raced");
      }
    }
    const sessionPrefix = keys.session(poolId, "");
    for await (const key of scan(redis, `${escapeGlob(sessionPrefix)}*`)) {
      const state = await redis.hgetBuffer(key, "state");
      if (!state) continue;
      const box = Buffer.from(state.toString("utf8"), "base64");
      if (sealer.isCurrent(box)) { done("sessions", "current"); continue; }
      const context = sessionContext(poolId, key.slice(sessionPrefix.length));
      const plain = sealer.open(box, context);
      if (!plain) throw new Error(`session ${key} opens under no key of the ring`);
      done("sessions", (await swap(key, "state", state, Buffer.from(sealer.seal(plain, context).toString("base64")))) ? "resealed" : "raced");
    }
    // Per-identifier SRP verifiers (docs/existence.md §4): one sealed value per hash field.
    const verifierPrefix = keys.identityVerifiers(poolId, "");
    for await (const key of scan(redis, `${escapeGlob(verifierPrefix)}*`)) {
      const username = key.slice(verifierPrefix.length);
      for (const [identifier, box] of Object.entries(await redis.hgetallBuffer(key))) {
        if (sealer.isCurrent(box)) { done("identity verifiers", "current"); continue; }
        const context = identityVerifierContext(poolId, username, identifier);
        const plain = sealer.open(box, context);
        if (!plain) throw new Error(`an identity verifier of ${key} opens under no key of the ring`);
        done("identity verifiers", (await swap(key, identifier, box, sealer.seal(plain, context))) ? "resealed" : "raced");
      }
    }
  }
  return { ...counts, byKind };
}

async function resealString(redis: RedisClient, key: string, swap: Swap, sealer: Sealer, context: string, kind: string, done: (kind: string, outcome: "current" | "resealed" | "raced") => void): Promise<void> {
  const box = await redis.getBuffer(key);
  if (!box) return;
  if (sealer.isCurrent(box)) return done(kind, "current");
  const plain = sealer.open(box, context);
  if (!plain) throw new Error(`${key} opens under no key of the ring: keep the key that sealed it`);
  done(kind, (await swap(key, "", box, sealer.seal(plain, context))) ? "resealed" : "raced");
}

async function resealClient(redis: RedisClient, clientId: string, swap: Swap, sealer: Sealer, done: (kind: string, outcome: "current" | "resealed" | "raced") => void): Promise<void> {
  const key = keys.client(clientId);
  const json = await redis.getBuffer(key);
  if (!json) return;
  const stored = JSON.parse(json.toString("utf8")) as { sealedSecret?: string; sealedSecrets?: { sealed: string }[] };
  const boxes = [stored.sealedSecret, ...(stored.sealedSecrets ?? []).map((s) => s.sealed)].filter((b): b is string => b !== undefined);
  if (boxes.length === 0) return;
  if (boxes.every((b) => sealer.isCurrent(Buffer.from(b, "base64")))) return done("client secrets", "current");
  const context = `client-secret:${clientId}`;
  const reseal = (sealed: string) => {
    const box = Buffer.from(sealed, "base64");
    if (sealer.isCurrent(box)) return sealed;
    const plain = sealer.open(box, context);
    if (!plain) throw new Error(`a secret of client ${clientId} opens under no key of the ring`);
    return sealer.seal(plain, context).toString("base64");
  };
  const next = {
    ...stored,
    ...(stored.sealedSecret !== undefined ? { sealedSecret: reseal(stored.sealedSecret) } : {}),
    ...(stored.sealedSecrets ? { sealedSecrets: stored.sealedSecrets.map((s) => ({ ...s, sealed: reseal(s.sealed) })) } : {}),
  };
  done("client secrets", (await swap(key, "", json, Buffer.from(JSON.stringify(next), "utf8"))) ? "resealed" : "raced");
}

/** Every key matching `pattern`, on every primary of a cluster; a key may come twice (SCAN's contract). */
async function* scan(redis: RedisClient, pattern: string): AsyncGenerator<string> {
  const nodes = redis instanceof Cluster ? redis.nodes("master") : [redis];
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, found] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      yield* found;
    } while (cursor !== "0");
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
