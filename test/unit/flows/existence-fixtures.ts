import { deriveKeys } from "../../../src/crypto/derived-keys.js";
import type { Deps } from "../../../src/flows/deps.js";
import { DEFAULT_PASSWORD_POLICY } from "../../../src/flows/admin/pool-settings.js";
import type { PoolRecord, UserRecord } from "../../../src/store/records.js";

/** Only what pure flow helpers read: the derived keys. */
export function keysOnlyDeps(masterKey: Buffer = Buffer.alloc(32, 7)): Deps {
  return { keys: deriveKeys(masterKey) } as unknown as Deps;
}

export function pool(overrides: Partial<PoolRecord> = {}): PoolRecord {
  return {
    id: "us-east-1_Unit1", name: "unit", usernameAttributes: [], aliasAttributes: [], autoVerifiedAttributes: ["email"], caseSensitive: false,
    passwordPolicy: DEFAULT_PASSWORD_POLICY, accountRecovery: ["verified_email"], createdAt: 0, updatedAt: 0, ...overrides,
  };
}

export function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    username: "alice", sub: "00000000-0000-4000-8000-000000000000", status: "CONFIRMED", enabled: true,
    attributes: { email: "alice@example.com", email_verified: "true" }, salt: "01", verifier: "02", passwordSetAt: 0, createdAt: 0, updatedAt: 0, version: 1, ...overrides,
  };
}
