// amazon-cognito-identity-js (an independent Cognito client from npm) signing in with CUSTOM_AUTH +
// SRP against the live gRPC server: the library sends CHALLENGE_NAME SRP_A, answers PASSWORD_VERIFIER
// with its own SRP code and forwards our Session; custom challenges are answered "42". Only its HTTP
// transport is replaced by one that speaks our gRPC contract.
import { createRequire } from "node:module";
import { AuthFlow, ChallengeName } from "../../src/gen/identity/v1/common.js";
import { toCognitoJson } from "./cognito-json.js";
import type { TestApp } from "./test-app.js";

type Cognito = typeof import("amazon-cognito-identity-js");
type Json = Record<string, unknown>;
type Reply = (error: unknown, data?: Json) => void;
const require = createRequire(import.meta.url);
const cognito = require("amazon-cognito-identity-js") as Cognito;
const DateHelper = (require("amazon-cognito-identity-js/lib/DateHelper.js") as { default: { prototype: { getNowString(): string } } }).default;

/** What the library was asked, in order, and the Sessions it received. */
export interface CustomExchange {
  readonly steps: string[];
  sessions?: string[];
  /** Answer PASSWORD_VERIFIER without the Session (as a plain USER_SRP_AUTH answer). */
  readonly dropSession?: boolean;
}

export type CustomSignInResult = { readonly kind: "tokens" } | { readonly kind: "failure"; readonly code: string; readonly message: string };

/** The pool id matters: the library's SRP hashes the pool's name (the part after "_", docs/cognito.md §4.3). */
export function customSrpSignIn(t: TestApp, poolId: string, clientId: string, username: string, password: string, exchange: CustomExchange): Promise<CustomSignInResult> {
  const pool = new cognito.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId });
  (pool as unknown as { client: unknown }).client = { request: transport(t, clientId, exchange) };
  const user = new cognito.CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType("CUSTOM_AUTH");
  // The server checks TIMESTAMP against its (test) clock: the library signs the test clock's time.
  const original = DateHelper.prototype.getNowString;
  DateHelper.prototype.getNowString = () => cognitoTimestamp(new Date(t.clock.now()));
  const signedIn = new Promise<CustomSignInResult>((resolve) => {
    const callbacks = {
      onSuccess: () => resolve({ kind: "tokens" }),
      onFailure: (err: { code?: string; message?: string }) => resolve({ kind: "failure", code: err.code ?? String(err), message: err.message ?? "" }),
      customChallenge: () => user.sendCustomChallengeAnswer("42", callbacks),
    };
    user.authenticateUser(new cognito.AuthenticationDetails({ Username: username, Password: password }), callbacks);
  });
  return signedIn.finally(() => (DateHelper.prototype.getNowString = original));
}

function transport(t: TestApp, clientId: string, exchange: CustomExchange) {
  return (operation: string, params: Json, reply: Reply) => {
    const call = operation === "InitiateAuth" ? initiate(t, clientId, params, exchange) : respond(t, clientId, params, exchange);
    call.then((data) => reply(null, data), (err: unknown) => reply(err));
  };
}

async function initiate(t: TestApp, clientId: string, params: Json, exchange: CustomExchange): Promise<Json> {
  const authFlow = AuthFlow[`AUTH_FLOW_${String(params.AuthFlow)}` as keyof typeof AuthFlow];
  const response = await t.auth.initiateAuth({ clientId, authFlow, authParameters: params.AuthParameters as Record<string, string>, clientMetadata: {} });
  return toCognitoJson(response.result, (name, session) => recordChallenge(exchange, name, session));
}

async function respond(t: TestApp, clientId: string, params: Json, exchange: CustomExchange): Promise<Json> {
  const name = String(params.ChallengeName);
  const challengeName = ChallengeName[`CHALLENGE_NAME_${name}` as keyof typeof ChallengeName];
  const session = exchange.dropSession && name === "PASSWORD_VERIFIER" ? "" : ((params.Session as string | undefined) ?? "");
  const response = await t.auth.respondToAuthChallenge({ clientId, challengeName, session, challengeResponses: params.ChallengeResponses as Record<string, string>, clientMetadata: {} });
  return toCognitoJson(response.result, (name, session) => recordChallenge(exchange, name, session));
}

/** "EEE MMM d HH:mm:ss UTC yyyy", the TIMESTAMP format Cognito clients send (docs/cognito.md §4.3). */
function cognitoTimestamp(date: Date): string {
  const [weekday, month] = [date.toUTCString().slice(0, 3), date.toUTCString().slice(8, 11)];
  return `${weekday} ${month} ${date.getUTCDate()} ${date.toISOString().slice(11, 19)} UTC ${date.getUTCFullYear()}`;
}

function recordChallenge(exchange: CustomExchange, name: string, session: string): void {
  exchange.steps.push(name);
  exchange.sessions = [...(exchange.sessions ?? []), session];
}
