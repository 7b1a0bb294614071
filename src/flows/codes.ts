import { codeDigest, newCode } from "../crypto/codes.js";
import type { CodeCheck, CodePurpose } from "../store/codes.js";
import type { Deps } from "./deps.js";

/** Code lifetimes (spec §6.2): sign-up confirmation 24 h, password recovery 1 h. */
export const CODE_LIFETIME_MS: Record<CodePurpose, number> = {
  "sign-up": 24 * 3_600_000,
  "forgot-password": 3_600_000,
};

/** Issues a fresh code for (pool, purpose, subject); it replaces any earlier one. */
export async function issueCode(deps: Deps, poolId: string, purpose: CodePurpose, subject: string): Promise<string> {
  const code = newCode();
  const now = deps.clock();
  await deps.stores.codes.put(poolId, purpose, subject, codeDigest(deps.keys.codes, poolId, purpose, subject, code), now + CODE_LIFETIME_MS[purpose], now);
  return code;
}

/** Checks and, on a match, consumes the code. "missing" means none was requested. */
export function checkCode(deps: Deps, poolId: string, purpose: CodePurpose, subject: string, code: string): Promise<CodeCheck> {
  return deps.stores.codes.consume(poolId, purpose, subject, codeDigest(deps.keys.codes, poolId, purpose, subject, code), deps.clock());
}
