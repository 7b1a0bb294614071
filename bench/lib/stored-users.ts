import { randomBytes } from "node:crypto";
import type { Deps } from "../../src/flows/deps.js";
import { isFailure } from "../../src/flows/outcome.js";
import { newUserRecord, storeNewUser } from "../../src/flows/new-user.js";
import type { PoolRecord } from "../../src/store/records.js";

/**
 * Stores `count` CONFIRMED users with a verified email and a password through the service's own
 * path (newUserRecord + storeNewUser: the record, its index entries and filter members, the pool's
 * user list), `concurrency` at a time. Verifiers are 384 random bytes, the size of a real one
 * (computing real ones measures nothing more). User i is `user<i>` (or its email where the email
 * is the username), the email `user<i>@example.com`, i zero-padded to 7 digits.
 */
export async function storeUsersWithPasswords(deps: Deps, pool: PoolRecord, count: number, concurrency = 500, onProgress: (stored: number) => void = () => undefined): Promise<void> {
  for (let i = 0; i < count; i += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, count - i) }, async (_, j) => {
      const n = String(i + j).padStart(7, "0");
      const email = `user${n}@example.com`;
      const user = newUserRecord(deps, pool, {
        username: pool.usernameAttributes.length > 0 ? email : `user${n}`,
        attributes: [{ name: "email", value: email }, { name: "email_verified", value: "true" }],
        status: "CONFIRMED", mayVerify: true,
        password: { salt: randomBytes(16).toString("hex").replace(/^0+/, ""), verifier: randomBytes(384).toString("hex").replace(/^0+/, ""), passwordSetAt: Date.now() },
      });
      if (isFailure(user)) throw new Error(`bench user refused: ${user.value.message}`);
      const failure = await storeNewUser(deps, pool, user, false);
      if (failure) throw new Error(`bench user not stored: ${failure.value.message}`);
    }));
    onProgress(Math.min(count, i + concurrency));
  }
}
