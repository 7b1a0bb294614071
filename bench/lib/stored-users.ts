import { randomBytes } from "node:crypto";
import type { Deps } from "../../src/flows/deps.js";
import { passwordStamp, separatelyVerifiedIdentifiers } from "../../src/flows/existence/identity-verifiers.js";
import { simulatedSalt } from "../../src/flows/existence/simulated-values.js";
import { normalize } from "../../src/flows/usernames.js";
import { isFailure } from "../../src/flows/outcome.js";
import { newUserRecord, storeNewUser } from "../../src/flows/new-user.js";
import type { PoolRecord } from "../../src/store/records.js";

/**
 * Stores `count` CONFIRMED users with a verified email and a password through the service's own
 * path (newUserRecord + storeNewUser: the record, its index entries and filter members, the pool's
 * user list), `concurrency` at a time, with the salt passwordFields gives (the username's) and a
 * verifier of 384 random bytes, the size of a real one (computing real ones measures nothing more).
 * User i is `user<i>` (or its email where the email is the username), the email
 * `user<i>@example.com`, i zero-padded to `digits` (6: make bench's 10,000 users, whose figures the
 * README compares across versions).
 */
export async function storeUsersWithPasswords(deps: Deps, pool: PoolRecord, count: number, options: { concurrency?: number; digits?: number; onProgress?: (stored: number) => void } = {}): Promise<void> {
  const { concurrency = 500, digits = 6, onProgress = () => undefined } = options;
  for (let i = 0; i < count; i += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, count - i) }, async (_, j) => {
      const n = String(i + j).padStart(digits, "0");
      const email = `user${n}@example.com`;
      const user = newUserRecord(deps, pool, {
        username: pool.usernameAttributes.length > 0 ? email : `user${n}`,
        attributes: [{ name: "email", value: email }, { name: "email_verified", value: "true" }],
        status: "CONFIRMED", mayVerify: true,
      });
      if (isFailure(user)) throw new Error(`bench user refused: ${user.value.message}`);
      const password = { salt: simulatedSalt(deps, pool.id, normalize(pool, user.username)), verifier: randomBytes(384).toString("hex").replace(/^0+/, ""), credentialsOverCanonicalName: true, passwordSetAt: Date.now() };
      const failure = await storeNewUser(deps, pool, { ...user, ...password }, false);
      if (failure) throw new Error(`bench user not stored: ${failure.value.message}`);
    }));
    onProgress(Math.min(count, i + concurrency));
  }
}

/**
 * Gives every user of the pool who has a password the per-identifier SRP verifiers (docs/existence.md
 * §4) a password event writes in a pool with a STRICT client — one sealed verifier per sign-in
 * identifier besides the username, in a hash per user — with random verifiers of a real one's size.
 * Returns how many verifiers it wrote.
 */
export async function storeIdentityVerifiers(deps: Deps, pool: PoolRecord, onProgress: (users: number) => void = () => undefined): Promise<number> {
  let identifiers = 0;
  let users = 0;
  for (let after: string | undefined, names = await deps.stores.users.names(pool.id, after, 1_000); names.length > 0; after = names[names.length - 1], names = await deps.stores.users.names(pool.id, after, 1_000)) {
    await Promise.all((await deps.stores.users.getMany(pool.id, names)).map((user) => {
      const stamp = passwordStamp(user);
      if (stamp === undefined) return undefined;
      const entries = new Map(separatelyVerifiedIdentifiers(pool, user, true).map((identifier) => [identifier, { stamp, salt: `1${randomBytes(15).toString("hex")}0`, verifier: randomBytes(384).toString("hex") }]));
      identifiers += entries.size;
      return deps.stores.identityVerifiers.replace(pool.id, user.username, entries);
    }));
    users += names.length;
    onProgress(users);
  }
  return identifiers;
}
