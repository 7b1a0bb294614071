// Builds users in each state of the existence table (src/flows/existence/table.ts) on a running
// test app, and reads what the service delivered. States come from the real API where one exists in
// this service's own flows (sign-up, sign-in, AdminResetUserPassword); the rest are written through
// the store with the service's own record builder (newUserRecord), as an import or an admin would.
import { expect } from "chai";
import type { ConfigFile, PoolEntry } from "../../src/config/config-file.js";
import { deliverLater } from "../../src/flows/delivery/deliver.js";
import type { UserState } from "../../src/flows/existence/table.js";
import { newUserRecord, storeNewUser } from "../../src/flows/new-user.js";
import { isFailure } from "../../src/flows/outcome.js";
import { passwordFields } from "../../src/flows/passwords.js";
import { indexOf } from "../../src/flows/usernames.js";
import { rememberPassword } from "../../src/flows/existence/identity-verifiers.js";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import type { PoolRecord, UserRecord, UserStatus } from "../../src/store/records.js";
import { keys } from "../../src/store/keys.js";
import { ALIAS_POOL, CLIENTS, EMAIL_POOL, openedDelivery, POOL, TEST_CONFIG, type TestApp } from "./test-app.js";

export const PASSWORD = "Correct-Horse-1";
export const NEW_PASSWORD = "Battery-Staple-2";
export const WRONG_PASSWORD = "Wrong-Password-9";
/** Seven digits: never equal to a 6-digit code. */
export const WRONG_CODE = "0000000";

export const PHONE_POOL = "us-east-1_PhonePool1";
const id = (text: string) => text.padEnd(26, "0");

/** Client ids per pool and mode in LIFECYCLE_CONFIG. */
export const MODE_CLIENTS = {
  [POOL]: { LEGACY: CLIENTS.legacy, ENABLED: CLIENTS.enabled, STRICT: CLIENTS.strict },
  [ALIAS_POOL]: { LEGACY: CLIENTS.aliasLegacy, ENABLED: CLIENTS.aliasEnabled, STRICT: id("aliasstrict") },
  [EMAIL_POOL]: { LEGACY: CLIENTS.emailLegacy, ENABLED: CLIENTS.emailEnabled, STRICT: id("emailstrict") },
  [PHONE_POOL]: { LEGACY: id("phonelegacy"), ENABLED: id("phoneenabled"), STRICT: id("phonestrict") },
} as const;

const FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"];
const strict = (clientId: string) => ({ clientId, name: clientId, explicitAuthFlows: FLOWS, preventUserExistenceErrors: "STRICT" as const });

/** TEST_CONFIG plus STRICT clients for the alias and email pools and a phone-number pool. */
export const LIFECYCLE_CONFIG: ConfigFile = {
  ...TEST_CONFIG,
  pools: [
    ...(TEST_CONFIG.pools ?? []).map((pool): PoolEntry => {
      if (pool.id === ALIAS_POOL) return { ...pool, clients: [...(pool.clients ?? []), strict(MODE_CLIENTS[ALIAS_POOL].STRICT)] };
      if (pool.id === EMAIL_POOL) return { ...pool, clients: [...(pool.clients ?? []), strict(MODE_CLIENTS[EMAIL_POOL].STRICT)] };
      return pool;
    }),
    {
      id: PHONE_POOL, name: "phone", settings: { usernameAttributes: ["phone_number"], autoVerifiedAttributes: ["phone_number"], accountRecovery: ["verified_phone_number"] },
      clients: (["LEGACY", "ENABLED", "STRICT"] as const).map((mode) => ({ clientId: MODE_CLIENTS[PHONE_POOL][mode], name: mode, explicitAuthFlows: FLOWS, preventUserExistenceErrors: mode })),
    },
  ],
};

export interface Seeded {
  /** The name requests send: the username (or, in email pools, the email). */
  readonly name: string;
  readonly email: string;
  readonly password: string;
  /** An access token taken before the state was reached (when asked for). */
  readonly accessToken?: string;
  /** The sign-up code of an UNCONFIRMED user. */
  readonly signUpCode?: string;
}

export interface SeedOptions {
  readonly email?: string;
  /** Sign in before reaching the state, for token-authorised requests. */
  readonly token?: boolean;
}

/** A fresh user named `name` in `state` (nothing for "unknown"). */
export async function seedUser(t: TestApp, poolId: string, state: UserState, name: string, options: SeedOptions = {}): Promise<Seeded> {
  const email = options.email ?? (name.includes("@") ? name : `${name}@example.com`);
  const base = { name, email, password: PASSWORD };
  if (state === "unknown") return base;
  if (state === "UNCONFIRMED") return { ...base, signUpCode: await signUpUnconfirmed(t, poolId, name, email) };
  if (state === "FORCE_CHANGE_PASSWORD") return (await storeUser(t, poolId, name, email, { status: "FORCE_CHANGE_PASSWORD" }), base);
  await storeUser(t, poolId, name, email, { status: "CONFIRMED", verified: state !== "no verified contact" });
  const accessToken = options.token ? await signIn(t, poolId, name) : undefined;
  const seeded = accessToken ? { ...base, accessToken } : base;
  if (state === "disabled") await updateUser(t, poolId, name, (u) => ({ ...u, enabled: false }));
  if (state === "RESET_REQUIRED") {
    const mark = await t.outboxMark(poolId);
    const reset = await t.admin.adminResetUserPassword({ userPoolId: poolId, username: name, clientMetadata: {} }, t.adminMetadata);
    expect(reset.result?.$case).to.equal("success");
    await deliveryTo(t, poolId, email, mark); // the reset code, out of the way of later marks
  }
  if (state === "locked out") await lockOut(t, poolId, name);
  return seeded;
}

/** Writes a user through the store, as ImportUsers or AdminCreateUser would. */
export async function storeUser(t: TestApp, poolId: string, name: string, email: string, options: { status: UserStatus; verified?: boolean; password?: string | null }): Promise<UserRecord> {
  const deps = t.app.deps;
  const pool = await poolOf(t, poolId);
  const attributes = [{ name: "email", value: email }, { name: "email_verified", value: options.verified === false ? "false" : "true" }];
  const draft = newUserRecord(deps, pool, { username: name, attributes, status: options.status, mayVerify: true });
  if (isFailure(draft)) throw new Error(`cannot build ${name}: ${draft.value.message}`);
  const password = options.password === undefined ? PASSWORD : options.password;
  const user = password === null ? draft : { ...draft, ...passwordFields(deps, pool, draft.username, password) };
  const conflict = await storeNewUser(deps, pool, user, false);
  if (conflict) throw new Error(`cannot store ${name}: ${conflict.value.message}`);
  if (password !== null) await rememberPassword(deps, pool, user, password);
  return user;
}

export async function updateUser(t: TestApp, poolId: string, name: string, change: (user: UserRecord) => UserRecord): Promise<void> {
  const pool = await poolOf(t, poolId);
  const user = await t.app.deps.stores.users.find(pool.id, [{ kind: "name", value: pool.caseSensitive ? name : name.toLowerCase() }]);
  if (!user) throw new Error(`no user ${name}`);
  const updated = await t.app.deps.stores.users.update(pool.id, user.username, (u) => ({ user: change(u), value: undefined }), t.clock.now(), indexOf(pool));
  if (!updated?.ok) throw new Error(`cannot update ${name}`);
}

export function poolOf(t: TestApp, poolId: string): Promise<PoolRecord> {
  return t.app.deps.stores.pools.get(poolId).then((pool) => pool ?? Promise.reject(new Error(`no pool ${poolId}`)));
}

export function passwordSignIn(t: TestApp, clientId: string, name: string, password: string) {
  return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: name, PASSWORD: password }, clientMetadata: {} });
}

async function signIn(t: TestApp, poolId: string, name: string): Promise<string> {
  const response = await passwordSignIn(t, enabledClient(poolId), name, PASSWORD);
  if (response.result?.$case !== "authenticationResult") throw new Error(`sign-in of ${name} failed: ${response.result?.$case}`);
  return response.result.value.accessToken;
}

/** Five failures: the sixth attempt within a second is refused (docs/cognito.md §6.4). */
export async function lockOut(t: TestApp, poolId: string, name: string): Promise<void> {
  for (let i = 0; i < 5; i++) await passwordSignIn(t, enabledClient(poolId), name, WRONG_PASSWORD);
}

async function signUpUnconfirmed(t: TestApp, poolId: string, name: string, email: string): Promise<string> {
  const mark = await t.outboxMark(poolId);
  const attributes = name === email ? [] : [{ name: "email", value: email }];
  const response = await t.auth.signUp({ clientId: enabledClient(poolId), secretHash: "", username: name, password: PASSWORD, userAttributes: attributes, validationData: [], clientMetadata: {} });
  if (response.result?.$case !== "success") throw new Error(`sign-up of ${name} failed: ${JSON.stringify(response.result)}`);
  return (await deliveryTo(t, poolId, email, mark)).code!;
}

function enabledClient(poolId: string): string {
  return MODE_CLIENTS[poolId as keyof typeof MODE_CLIENTS].ENABLED;
}

type Fields = Record<string, string>;

/** The first message delivered to `destination` after the stream id `since` (waits up to 5 s). */
export async function deliveryTo(t: TestApp, poolId: string, destination: string, since: string): Promise<Fields> {
  let cursor = since;
  for (;;) {
    const entries = await readOutbox(t, poolId, cursor, 5000);
    if (entries.length === 0) throw new Error(`nothing was delivered to ${destination} within 5 s`);
    const found = entries.find(([, fields]) => fields.destination === destination);
    if (found) return found[1];
    cursor = entries[entries.length - 1]![0];
  }
}

/**
 * Every message delivered after `since`, up to a barrier message this process queues now, the way
 * the flows queue theirs (deliverLater). Messages leave in the order they were queued, so
 * whatever a finished request queued is in the list: a check for "nothing was sent" that needs no
 * waiting.
 */
export async function deliveredSince(t: TestApp, poolId: string, since: string): Promise<Fields[]> {
  const barrier = `barrier-${process.hrtime.bigint()}@barrier.invalid`;
  deliverLater(t.app.deps, { poolId, event: "SignUp", username: "barrier", attribute: "email", medium: "EMAIL", destination: barrier, code: "barrier" });
  const seen: Fields[] = [];
  let cursor = since;
  for (;;) {
    const entries = await readOutbox(t, poolId, cursor, 5000);
    if (entries.length === 0) throw new Error("the barrier message did not arrive within 5 s");
    for (const [, fields] of entries) {
      if (fields.destination === barrier) return seen;
      seen.push(fields);
    }
    cursor = entries[entries.length - 1]![0];
  }
}

async function readOutbox(t: TestApp, poolId: string, since: string, blockMs: number): Promise<[string, Fields][]> {
  const reply = (await t.redis.xread("COUNT", 100, "BLOCK", blockMs, "STREAMS", keys.outbox(poolId), since)) as [string, [string, string[]][]][] | null;
  return (reply?.[0]?.[1] ?? []).map(([streamId, flat]) => [streamId, openedDelivery(Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, flat[2 * i + 1]!])))]);
}
