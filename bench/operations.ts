import * as grpc from "@grpc/grpc-js";
import type { ConfigFile } from "../src/config/config-file.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { AuthFlow } from "../src/gen/identity/v1/common.js";
import type { Operation } from "./lib/operation-run.js";
import type { BenchStack } from "./lib/stack.js";
import { createConfirmedUsers } from "./lib/users.js";
import { promiseClient } from "../test/helpers/clients.js";
import { SrpLoadClient, srpInitiate, srpRespond } from "./srp-load-client.js";

const POOL = "us-east-1_BenchOps";
const CLIENT = "benchopsclient000000000000";
const MACHINE = "benchmachineclient00000000";
const SECRET = "benchsecret00000000000000000000000000000000000000000";
const PASSWORD = "Bench-Password-1";
/** Users the sign-in operations take turns with (a successful sign-in resets a user's lockout count). */
const SIGN_IN_USERS = 64;
/** ForgotPassword allows 5 calls per user and hour (docs/cognito.md §6.2): each user is asked 4 times. */
const CALLS_PER_RECOVERING_USER = 4;

/** One pool with everything the table calls: a public client for the user flows, a machine client with a secret. */
export const operationsConfig: ConfigFile = {
  pools: [{
    id: POOL, name: "bench-ops", settings: { autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] },
    resourceServers: [{ identifier: "https://orders", name: "orders", scopes: [{ scopeName: "read", scopeDescription: "read" }] }],
    clients: [
      { clientId: CLIENT, name: "bench", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
      { clientId: MACHINE, name: "bench-machine", secret: SECRET, explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"], allowedOauthFlows: ["client_credentials"], allowedOauthScopes: ["https://orders/read"] },
    ],
  }],
};

/** The table's operations, by id (BENCH_OPS, BENCH_PROFILE), each with its floor (issue #13). */
export const OPERATION_IDS = ["password", "password-unknown", "srp", "refresh", "client-token", "sign-up", "forgot-password", "forgot-password-unknown"] as const;
export type OperationId = (typeof OPERATION_IDS)[number];

/**
 * Builds the operations asked for, creating only the users they need. Unknown names are measured as
 * users are, with one name per call (no name reaches its lockout or hourly limit: neither do the users').
 */
export async function buildOperations(stack: BenchStack, ids: readonly OperationId[], recoveringUsers: number): Promise<{ operations: Map<OperationId, Operation>; close(): void }> {
  // Two connections, so the load generator's gRPC work is not one HTTP/2 stream's turn after another.
  const channels = Array.from({ length: 2 }, () => new AuthServiceClient(stack.address, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 }));
  const clients = channels.map((channel) => promiseClient(channel));
  const via = (i: number) => clients[i % clients.length]!;
  const expect = (wanted: string) => (r: { result?: { $case: string } | undefined }) => { if (r.result?.$case !== wanted) throw new Error(`${r.result?.$case} instead of ${wanted}`); };
  const needsUsers = ids.some((id) => id === "password" || id === "srp" || id === "refresh");
  const users = needsUsers ? await createConfirmedUsers(stack, POOL, CLIENT, "bench-user-", SIGN_IN_USERS, PASSWORD) : [];
  const signIn = (i: number, username: string, password: string) => via(i).initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} });
  const operations = new Map<OperationId, Operation>();
  for (const id of ids) operations.set(id, await build(id));
  return { operations, close: () => channels.forEach((channel) => channel.close()) };

  async function build(id: OperationId): Promise<Operation> {
    switch (id) {
      case "password":
        return { name: "USER_PASSWORD_AUTH", floor: { verifier: 1, tokenPair: 1 }, target: 1.15, call: (i) => signIn(i, users[i % users.length]!, PASSWORD).then(expect("authenticationResult")) };
      case "password-unknown":
        return { name: "USER_PASSWORD_AUTH, unknown name", floor: { verifier: 1 }, call: (i) => signIn(i, `nobody-${i}`, PASSWORD).then(expect("notAuthorized")) };
      case "srp": {
        const client = new SrpLoadClient(POOL);
        return {
          name: "USER_SRP_AUTH, both steps", floor: { srpServer: 1, tokenPair: 1 }, target: 1.3,
          call: async (i) => {
            const challenge = await srpInitiate(via(i), CLIENT, users[i % users.length]!, client.A);
            const outcome = await srpRespond(via(i), CLIENT, client.answer(challenge, PASSWORD));
            if (outcome !== "authenticationResult") throw new Error(outcome);
          },
        };
      }
      case "refresh": {
        const tokens = await Promise.all(users.map(async (username, i) => {
          const r = await signIn(i, username, PASSWORD);
          if (r.result?.$case !== "authenticationResult") throw new Error(`sign-in of ${username}: ${r.result?.$case}`);
          return r.result.value.refreshToken;
        }));
        return {
          name: "REFRESH_TOKEN_AUTH", floor: { tokenPair: 1 }, target: 1.3,
          call: (i) => via(i).initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: tokens[i % tokens.length]! }, clientMetadata: {} }).then(expect("authenticationResult")),
        };
      }
      case "client-token":
        return { name: "GetClientToken", floor: { clientTokenSignature: 1 }, target: 1.3, call: (i) => via(i).getClientToken({ clientId: MACHINE, secret: SECRET, scopes: ["https://orders/read"], clientMetadata: {} }).then(expect("success")) };
      case "sign-up":
        // One verifier, the record's, which serves the username's SRP identity too; a pool with a STRICT
        // client would add one per other sign-in identifier (existence/identity-verifiers.ts). This one has none.
        return {
          name: "SignUp", floor: { verifier: 1, codeDigest: 1, outboxSeal: 1 },
          call: (i) => via(i).signUp({ clientId: CLIENT, secretHash: "", username: `signup-${i}`, password: PASSWORD, userAttributes: [{ name: "email", value: `signup-${i}@example.com` }], validationData: [], clientMetadata: {} }).then(expect("success")),
        };
      case "forgot-password": {
        const recovering = await createConfirmedUsers(stack, POOL, CLIENT, "recovering-", recoveringUsers, PASSWORD, 16);
        return { name: "ForgotPassword", floor: { codeDigest: 1, outboxSeal: 1 }, maxCalls: recovering.length * CALLS_PER_RECOVERING_USER, call: (i) => forgot(i, recovering[i % recovering.length]!) };
      }
      case "forgot-password-unknown":
        // Nothing is sent for a name no user holds: the code's digest is written to its phantom slot.
        return { name: "ForgotPassword, unknown name", floor: { codeDigest: 1 }, call: (i) => forgot(i, `ghost-${i}`) };
    }
  }

  function forgot(i: number, username: string): Promise<void> {
    return via(i).forgotPassword({ clientId: CLIENT, secretHash: "", username, clientMetadata: {} }).then(expect("success"));
  }
}
