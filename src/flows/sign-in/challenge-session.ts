import { sha256Hex } from "../../crypto/digest.js";
import type { ClientRecord, PoolRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, type Failure } from "../outcome.js";

/** What a challenge session remembers. Bound to pool, client, user and challenge. */
export interface SessionState {
  readonly clientId: string;
  readonly username: string;
  readonly challenge: string;
  /** Flow-specific data (CUSTOM_AUTH history, ...). */
  readonly data?: Record<string, unknown>;
}

/** 96 random bytes: the same length for every user, real or simulated (Cognito's are ~1.5 kB). */
const SESSION_BYTES = 96;

export async function openSession(deps: Deps, pool: PoolRecord, client: ClientRecord, state: Omit<SessionState, "clientId">): Promise<string> {
  const token = deps.random(SESSION_BYTES).toString("base64url");
  const now = deps.clock();
  const full: SessionState = { ...state, clientId: client.clientId };
  await deps.stores.sessions.put(pool.id, sha256Hex(token), JSON.stringify(full), now + client.authSessionValidityMinutes * 60_000, now);
  return token;
}

/** Takes a session for use, once; Cognito's texts for expired, reused and foreign sessions. */
export async function takeSession(deps: Deps, pool: PoolRecord, client: ClientRecord, token: string, challenge: string): Promise<SessionState | Failure<"notAuthorized">> {
  const taken = await deps.stores.sessions.consume(pool.id, sha256Hex(token), deps.clock());
  if (!taken.ok) {
    const message = taken.reason === "expired" ? messages.sessionExpired : taken.reason === "used" ? messages.sessionUsed : messages.sessionInvalid;
    return fail("notAuthorized", message);
  }
  const state = JSON.parse(taken.state) as SessionState;
  if (state.clientId !== client.clientId || state.challenge !== challenge) return fail("notAuthorized", messages.sessionInvalid);
  return state;
}

export function isSessionState(value: SessionState | Failure): value is SessionState {
  return "username" in value;
}
