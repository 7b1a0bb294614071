// amazon-cognito-identity-js — an independently written Cognito SRP client from npm — signing in
// against the live gRPC server. The library runs its own code end to end (AuthenticationHelper for
// A and the HKDF, CognitoUser for the signature message, DateHelper for TIMESTAMP); only its HTTP
// transport is replaced by one that speaks our gRPC contract, as Cognito's JSON would.
import { createHmac, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { AuthFlow, ChallengeName } from "../../src/gen/identity/v1/common.js";
import { isFailure } from "../../src/flows/outcome.js";
import { newUserRecord, storeNewUser } from "../../src/flows/new-user.js";
import { passwordFields } from "../../src/flows/passwords.js";
import { passwordStamp, rememberPassword, signInIdentifiers } from "../../src/flows/existence/identity-verifiers.js";
import { simulatedSalt } from "../../src/flows/existence/simulated-values.js";
import { poolNameFromId, verifierFromPassword } from "../../src/crypto/srp.js";
import type { UserRecord, UserStatus } from "../../src/store/records.js";
import type { ConfigFile } from "../../src/config/config-file.js";
import { toCognitoJson } from "../helpers/cognito-json.js";
import { POOL, TEST_CONFIG, type TestApp } from "../helpers/test-app.js";

type Cognito = typeof import("amazon-cognito-identity-js");
const require = createRequire(import.meta.url);
export const cognito = require("amazon-cognito-identity-js") as Cognito;
const DateHelper = (require("amazon-cognito-identity-js/lib/DateHelper.js") as { default: { prototype: { getNowString(): string } } }).default;

/** Clients the shared test config lacks: one without USER_SRP_AUTH, one with 15-minute auth sessions. */
export const SRP_CLIENTS = { noSrp: "nosrpclient000000000000000", longSession: "longsession000000000000000" } as const;

export const SRP_TEST_CONFIG: ConfigFile = {
  ...TEST_CONFIG,
  pools: (TEST_CONFIG.pools ?? []).map((pool) => pool.id !== POOL ? pool : {
    ...pool,
    clients: [
      ...(pool.clients ?? []),
      { clientId: SRP_CLIENTS.noSrp, name: "no srp", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], preventUserExistenceErrors: "ENABLED" },
      { clientId: SRP_CLIENTS.longSession, name: "long session", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH"], preventUserExistenceErrors: "ENABLED", authSessionValidityMinutes: 15 },
    ],
  }),
};

type Json = Record<string, unknown>;
type StringMap = Record<string, string>;
type Reply = (err: unknown, data?: unknown) => void;

/** What a transport may do besides forwarding: the admin operations, a SECRET_HASH, tampering. */
export interface TransportOptions {
  /** Route to AdminInitiateAuth / AdminRespondToAuthChallenge of this pool. */
  readonly adminPool?: string;
  /** Add SECRET_HASH (over each map's own USERNAME, docs/cognito.md §3.7, §4.8), which this library never sends. */
  readonly secret?: string;
  /** Rewrites the challenge parameters before the library sees them. */
  readonly editChallenge?: (parameters: StringMap) => StringMap;
  /** Rewrites the challenge answer after the library built it. */
  readonly editAnswer?: (responses: StringMap) => StringMap;
  /** Runs between the two steps (move the clock, ...). */
  readonly betweenSteps?: () => void;
  /** Sends the answer instead of the default RespondToAuthChallenge (replays, other clients, ...). */
  readonly sendAnswer?: (request: RespondRequest) => Promise<RespondResult>;
}

export type RespondRequest = Parameters<TestApp["auth"]["respondToAuthChallenge"]>[0];
export type RespondResult = Awaited<ReturnType<TestApp["auth"]["respondToAuthChallenge"]>>["result"];

/** Every request and reply of one sign-in, as the library sent and received them. */
export interface Exchange {
  challenge?: StringMap;
  answer?: StringMap;
  session?: string | undefined;
}

export type SignInResult =
  | { readonly kind: "tokens"; readonly idToken: string; readonly accessToken: string }
  | { readonly kind: "newPasswordRequired"; readonly user: InstanceType<Cognito["CognitoUser"]> }
  | { readonly kind: "failure"; readonly code: string; readonly message: string };

/** Signs in with CognitoUser.authenticateUser (USER_SRP_AUTH) through the gRPC server. */
export function librarySignIn(t: TestApp, poolId: string, clientId: string, username: string, password: string, options: TransportOptions = {}, exchange: Exchange = {}): Promise<SignInResult> {
  const pool = new cognito.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId });
  (pool as unknown as { client: unknown }).client = { request: transport(t, clientId, options, exchange) };
  const user = new cognito.CognitoUser({ Username: username, Pool: pool });
  return new Promise((resolve) => {
    user.authenticateUser(new cognito.AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session) => resolve({ kind: "tokens", idToken: session.getIdToken().getJwtToken(), accessToken: session.getAccessToken().getJwtToken() }),
      onFailure: (err: { code?: string; message?: string }) => resolve({ kind: "failure", code: err.code ?? String(err), message: err.message ?? "" }),
      newPasswordRequired: () => resolve({ kind: "newPasswordRequired", user }),
    });
  });
}

/** The library's DateHelper answers `text` while `run` signs in (its signature then covers `text`). */
export async function withTimestamp<T>(text: string, run: () => Promise<T>): Promise<T> {
  const original = DateHelper.prototype.getNowString;
  DateHelper.prototype.getNowString = () => text;
  try {
    return await run();
  } finally {
    DateHelper.prototype.getNowString = original;
  }
}

function transport(t: TestApp, clientId: string, options: TransportOptions, exchange: Exchange) {
  return (operation: string, params: Json, reply: Reply) => {
    const call = operation === "InitiateAuth" ? initiate(t, clientId, params, options, exchange) : respond(t, clientId, params, options, exchange);
    call.then((data) => reply(null, data), (err: unknown) => reply(err));
  };
}

async function initiate(t: TestApp, clientId: string, params: Json, options: TransportOptions, exchange: Exchange): Promise<Json> {
  const authParameters = withSecretHash({ ...(params.AuthParameters as StringMap) }, clientId, options.secret);
  const authFlow = AuthFlow[`AUTH_FLOW_${String(params.AuthFlow)}` as keyof typeof AuthFlow];
  const request = { clientId, authFlow, authParameters, clientMetadata: {} };
  const response = options.adminPool
    ? await t.admin.adminInitiateAuth({ ...request, userPoolId: options.adminPool }, t.adminMetadata)
    : await t.auth.initiateAuth(request);
  const json = toCognitoJson(response.result);
  if (json.ChallengeParameters) {
    exchange.challenge = options.editChallenge ? options.editChallenge(json.ChallengeParameters as StringMap) : (json.ChallengeParameters as StringMap);
    json.ChallengeParameters = exchange.challenge;
    exchange.session = json.Session as string | undefined;
  }
  options.betweenSteps?.();
  return json;
}

async function respond(t: TestApp, clientId: string, params: Json, options: TransportOptions, exchange: Exchange): Promise<Json> {
  const built = withSecretHash({ ...(params.ChallengeResponses as StringMap) }, clientId, options.secret);
  const challengeResponses = options.editAnswer ? options.editAnswer(built) : built;
  exchange.answer = challengeResponses;
  const challengeName = ChallengeName[`CHALLENGE_NAME_${String(params.ChallengeName)}` as keyof typeof ChallengeName];
  const request = { clientId, challengeName, session: (params.Session as string | undefined) ?? "", challengeResponses, clientMetadata: {} };
  if (options.sendAnswer) return toCognitoJson(await options.sendAnswer(request));
  const response = options.adminPool
    ? await t.admin.adminRespondToAuthChallenge({ ...request, userPoolId: options.adminPool }, t.adminMetadata)
    : await t.auth.respondToAuthChallenge(request);
  return toCognitoJson(response.result);
}

/** SECRET_HASH = Base64(HMAC-SHA256(secret, USERNAME + clientId)), written here independently of src. */
function withSecretHash(map: StringMap, clientId: string, secret: string | undefined): StringMap {
  if (secret === undefined) return map;
  return { ...map, SECRET_HASH: createHmac("sha256", secret).update(`${map.USERNAME ?? ""}${clientId}`).digest("base64") };
}

/** A user as the store holds it, put there directly: any status, enabled or not, with a password. */
export async function seedUser(t: TestApp, poolId: string, input: { username: string; password: string; status?: UserStatus; enabled?: boolean; email?: string }): Promise<UserRecord> {
  const { deps } = t.app;
  const pool = await deps.stores.pools.get(poolId);
  if (!pool) throw new Error(`no pool ${poolId}`);
  const attributes = input.email ? [{ name: "email", value: input.email }, { name: "email_verified", value: "true" }] : [];
  const draft = newUserRecord(deps, pool, { username: input.username, attributes, status: input.status ?? "CONFIRMED", mayVerify: true });
  if (isFailure(draft)) throw new Error(draft.value.message);
  const user = { ...draft, ...passwordFields(deps, pool, draft.username, input.password), enabled: input.enabled ?? true };
  const conflict = await storeNewUser(deps, pool, user, false);
  if (conflict) throw new Error(conflict.value.message);
  await rememberPassword(deps, pool, user, input.password);
  return user;
}

/**
 * A user as versions before this one stored it: a random salt and the verifier over the username
 * as stored, with (`identityVerifiers`) the per-identifier verifiers the previous version wrote —
 * one for every sign-in identifier, the username's included, stamped by the salt — or none (older
 * still). docs/existence.md §4 says what each keeps working.
 */
export async function seedOldUser(t: TestApp, poolId: string, input: { username: string; password: string; email?: string; identityVerifiers: boolean }): Promise<UserRecord> {
  const { deps } = t.app;
  const pool = (await deps.stores.pools.get(poolId))!;
  const attributes = input.email ? [{ name: "email", value: input.email }, { name: "email_verified", value: "true" }] : [];
  const draft = newUserRecord(deps, pool, { username: input.username, attributes, status: "CONFIRMED", mayVerify: true });
  if (isFailure(draft)) throw new Error(draft.value.message);
  const salt = `8${randomBytes(15).toString("hex")}1`; // 16 random bytes, the first non-zero
  const user: UserRecord = { ...draft, salt, verifier: verifierFromPassword(poolNameFromId(poolId), draft.username, input.password, salt), passwordSetAt: t.clock.now() };
  const conflict = await storeNewUser(deps, pool, user, false);
  if (conflict) throw new Error(conflict.value.message);
  if (!input.identityVerifiers) return user;
  const stamp = passwordStamp(user)!;
  const entries = signInIdentifiers(pool, user).map((identifier) => {
    const identifierSalt = simulatedSalt(deps, poolId, identifier);
    return [identifier, { stamp, salt: identifierSalt, verifier: verifierFromPassword(poolNameFromId(poolId), identifier, input.password, identifierSalt) }] as const;
  });
  await deps.stores.identityVerifiers.replace(poolId, user.username, new Map(entries));
  return user;
}

interface LibraryHelper {
  getLargeAValue(callback: (err: unknown, A: { toString(radix: number): string }) => void): void;
}
const AuthenticationHelper = (require("amazon-cognito-identity-js/lib/AuthenticationHelper.js") as { default: new (poolName: string) => LibraryHelper }).default;

/** SRP_A as the library computes it (g^a for its own random a). */
export function libraryA(poolId: string): string {
  let A = "";
  new AuthenticationHelper(poolId.split("_")[1]!).getLargeAValue((err, value) => {
    if (err) throw err;
    A = value.toString(16);
  });
  return A;
}

/** InitiateAuth(USER_SRP_AUTH) over gRPC, for the tests that look at the first step alone. */
export async function srpStart(t: TestApp, clientId: string, username: string, srpA: string = libraryA("x_y"), extra: StringMap = {}) {
  const response = await t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_SRP_AUTH, authParameters: { USERNAME: username, SRP_A: srpA, ...extra }, clientMetadata: {} });
  return response.result;
}

/** The challenge parameters of a first step that must have produced one. */
export async function srpChallengeParameters(t: TestApp, clientId: string, username: string): Promise<StringMap> {
  const result = await srpStart(t, clientId, username);
  if (result?.$case !== "challenge") throw new Error(`expected a challenge, got ${result?.$case}: ${JSON.stringify(result?.value)}`);
  return result.value.challengeParameters;
}
