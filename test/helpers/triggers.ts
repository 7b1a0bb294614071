// Helpers for the trigger integration tests: pools whose triggers point at fixture or example
// modules, the events the fixtures recorded, and signed-up users.
import { expect } from "chai";
import { fileURLToPath } from "node:url";
import type { ClientEntry, PoolEntry } from "../../src/config/config-file.js";
import { lookupsFor } from "../../src/flows/usernames.js";
import { keys } from "../../src/store/keys.js";
import type { UserRecord } from "../../src/store/records.js";
import type { TriggerEvent } from "../../src/triggers/index.js";
import type { TestApp } from "./test-app.js";

export const PASSWORD = "Correct-Horse-1";

const ALL_FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"];

/** Absolute path of a fixture module (test/fixtures/triggers/…). */
export function fixture(file: string): string {
  return fileURLToPath(new URL(`../fixtures/triggers/${file}`, import.meta.url));
}

/** Absolute path of an example module (examples/triggers/…). */
export function example(file: string): string {
  return fileURLToPath(new URL(`../../examples/triggers/${file}`, import.meta.url));
}

/** A client entry with every flow allowed. */
export function clientEntry(clientId: string, mode: "LEGACY" | "ENABLED" | "STRICT"): ClientEntry {
  return { clientId, name: clientId, explicitAuthFlows: ALL_FLOWS, preventUserExistenceErrors: mode };
}

/** A pool with email auto-verification and the given triggers and clients. */
export function triggerPool(id: string, triggers: Record<string, unknown>, clients: ClientEntry[]): PoolEntry {
  return { id, name: id, settings: { autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] }, triggers, clients };
}

const EVENTS = Symbol.for("identity.test.triggerEvents");

/** Events the fixtures recorded (test/fixtures/triggers/recorder.mjs), optionally of one source. */
export function recordedEvents(triggerSource?: string): TriggerEvent[] {
  const all = ((globalThis as Record<symbol, unknown>)[EVENTS] ?? []) as TriggerEvent[];
  return triggerSource === undefined ? all : all.filter((event) => event.triggerSource === triggerSource);
}

export function clearRecordedEvents(): void {
  (globalThis as Record<symbol, unknown>)[EVENTS] = [];
}

/** Signs a user up and confirms them with the delivered code. */
export async function signUpAndConfirm(t: TestApp, poolId: string, clientId: string, username: string, email: string): Promise<void> {
  const mark = await t.outboxMark(poolId);
  const signedUp = await t.auth.signUp({ clientId, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: email }], validationData: [], clientMetadata: {} });
  expect(signedUp.result?.$case, `sign-up of ${username}`).to.equal("success");
  const delivery = await t.nextDelivery(poolId, mark, email);
  const confirmed = await t.auth.confirmSignUp({ clientId, secretHash: "", username, confirmationCode: delivery.code!, forceAliasCreation: false, clientMetadata: {} });
  expect(confirmed.result?.$case, `confirmation of ${username}`).to.equal("success");
}

/** The user a name resolves to in the store (username, verified alias or sub), as the flows see it. */
export async function storedUser(t: TestApp, poolId: string, name: string): Promise<UserRecord | undefined> {
  const pool = await t.app.deps.stores.pools.get(poolId);
  if (!pool) throw new Error(`no pool ${poolId}`);
  return t.app.deps.stores.users.find(poolId, lookupsFor(pool, name));
}

/** The trigger error arms, with the runner's texts (docs/cognito.md §5.13; src/triggers/messages.ts). */
export const hookFailed = (trigger: string, message: string) => ({ $case: "userLambdaValidation", value: { message: `${trigger} failed with error ${message}.` } });
export const hookTimedOut = (trigger: string) => ({ $case: "unexpectedLambda", value: { message: `${trigger} invocation failed due to error Socket timeout while invoking Lambda function.` } });

/**
 * The destination of every message delivered to the pool after `mark`, up to and including the
 * first one to `destination`, once that one has arrived. Messages leave in the order they were
 * queued (deliverLater), so a message an earlier request queued is in this list if it exists — the
 * way to prove a request sent nothing without waiting for time to pass.
 */
export async function destinationsUntil(t: TestApp, poolId: string, mark: string, destination: string): Promise<string[]> {
  await t.nextDelivery(poolId, mark, destination);
  const entries = await t.redis.xrange(keys.outbox(poolId), `(${mark}`, "+");
  const destinations = entries.map(([, fields]) => fields[fields.indexOf("destination") + 1] ?? "");
  return destinations.slice(0, destinations.indexOf(destination) + 1);
}
