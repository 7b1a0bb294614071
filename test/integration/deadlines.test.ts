import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { AdminServiceClient } from "../../src/gen/identity/v1/admin_service.js";
import { AuthServiceClient } from "../../src/gen/identity/v1/auth_service.js";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { bearer } from "../helpers/clients.js";
import { startPrivateRedis } from "../helpers/redis-server.js";
import { startServerProcess, type ServerProcess } from "../helpers/server-process.js";
import { sha256 } from "../helpers/test-app.js";
import { TestTriggerService } from "../helpers/trigger-service.js";
import { clientEntry, PASSWORD, triggerPool } from "../helpers/triggers.js";

const POOL = "us-east-1_DeadlinePool1";
const HOOK_POOL = "us-east-1_DeadlineHook1";
const CLIENT = "deadlineclient000000000000";
const HOOK_CLIENT = "deadlinehook00000000000000";
const ADMIN_TOKEN = "deadline-admin-token-0123456789";

type Outcome = { answer: string; ms: number };

/** Calls `method` with a deadline `ms` from now: the oneof arm it answered, or the status, and how long it took. */
function callWithin(client: grpc.Client, method: string, request: unknown, ms: number, metadata = new grpc.Metadata()): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const invoke = (client as unknown as Record<string, (...a: unknown[]) => void>)[method]!;
    invoke.call(client, request, metadata, { deadline: started + ms }, (error: grpc.ServiceError | null, response: { result?: { $case?: string } }) =>
      resolve({ answer: error ? grpc.status[error.code]! : `arm:${response.result?.$case}`, ms: Date.now() - started }),
    );
  });
}

describe("the caller's deadline bounds the work: hung Redis, slow hooks (server process + Redis)", function () {
  this.timeout(90_000);
  // A private redis-server even when the suite runs against a cluster: this test pauses it.
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let hooks: TestTriggerService;
  let server: ServerProcess;
  let auth: AuthServiceClient;
  let admin: AdminServiceClient;
  before(async () => {
    redis = await startPrivateRedis();
    hooks = await TestTriggerService.start();
    hooks.mode = "hold";
    server = await startServerProcess({
      redis,
      config: {
        adminCredentials: [{ tokenSha256: sha256(ADMIN_TOKEN), pools: "*" }],
        pools: [
          triggerPool(POOL, {}, [clientEntry(CLIENT, "ENABLED")]),
          triggerPool(HOOK_POOL, { PreSignUp: { endpoint: hooks.endpoint, insecure: true, timeoutMs: 60_000 } }, [clientEntry(HOOK_CLIENT, "ENABLED")]),
        ],
      },
    });
    auth = new AuthServiceClient(`127.0.0.1:${server.grpcPort}`, grpc.credentials.createInsecure());
    admin = new AdminServiceClient(`127.0.0.1:${server.grpcPort}`, grpc.credentials.createInsecure());
    const created = await callWithin(admin, "adminCreateUser", { userPoolId: POOL, username: "dora", userAttributes: [{ name: "email", value: "dora@example.com" }], validationData: [], temporaryPassword: "", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, 10_000, bearer(ADMIN_TOKEN));
    expect(created.answer).to.equal("arm:success");
    expect((await callWithin(admin, "adminSetUserPassword", { userPoolId: POOL, username: "dora", password: PASSWORD, permanent: true }, 10_000, bearer(ADMIN_TOKEN))).answer).to.equal("arm:success");
  });
  after(async () => {
    auth?.close();
    admin?.close();
    await server?.kill();
    hooks?.stop();
    await redis?.stop();
  });

  const signUp = (username: string, clientId = CLIENT) => ({ clientId, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });
  const calls: [string, () => grpc.Client, string, () => unknown, grpc.Metadata?][] = [
    ["SignUp", () => auth, "signUp", () => signUp("newcomer")],
    ["InitiateAuth (USER_PASSWORD_AUTH)", () => auth, "initiateAuth", () => ({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "dora", PASSWORD }, clientMetadata: {} })],
    ["ForgotPassword", () => auth, "forgotPassword", () => ({ clientId: CLIENT, secretHash: "", username: "dora", clientMetadata: {} })],
    ["AdminGetUser", () => admin, "adminGetUser", () => ({ userPoolId: POOL, username: "dora" }), bearer(ADMIN_TOKEN)],
    ["ListUsers", () => admin, "listUsers", () => ({ userPoolId: POOL, limit: 10, paginationToken: "", filter: "", attributesToGet: [] }), bearer(ADMIN_TOKEN)],
  ];

  describe("with Redis hung (SIGSTOP)", () => {
    before(async () => {
      // Every path once while Redis answers, so the hung runs measure waiting, not first-call warm-up.
      for (const [, client, method, request, metadata] of calls) await callWithin(client(), method, request(), 10_000, metadata);
      process.kill(redis.pid, "SIGSTOP");
    });
    after(() => {
      process.kill(redis.pid, "SIGCONT");
    });

    for (const deadlineMs of [800, 2_500]) {
      for (const [name, client, method, request, metadata] of calls) {
        it(`${name} with a ${deadlineMs} ms deadline answers UNAVAILABLE or DEADLINE_EXCEEDED before it, never an arm`, async () => {
          const outcome = await callWithin(client(), method, request(), deadlineMs, metadata);
          expect(outcome.answer).to.be.oneOf(["UNAVAILABLE", "DEADLINE_EXCEEDED"]);
          // Before the deadline: the server's answer, not the client giving up.
          expect(outcome.ms).to.be.below(deadlineMs);
        });
      }
    }
  });

  describe("once Redis answers again", () => {
    it("answers as before", async () => {
      const outcome = await callWithin(admin, "adminGetUser", { userPoolId: POOL, username: "dora" }, 10_000, bearer(ADMIN_TOKEN));
      expect(outcome.answer).to.equal("arm:success");
    });
  });

  it("gives a hook the time the call has left, and answers DEADLINE_EXCEEDED (not unexpectedLambda) when the call's deadline cuts it", async () => {
    const pending = callWithin(auth, "signUp", signUp("hooked", HOOK_CLIENT), 1_500);
    const received = await hooks.nextCall();
    const outcome = await pending;
    expect(outcome.answer).to.equal("DEADLINE_EXCEEDED");
    expect(outcome.ms).to.be.below(1_500);
    // The hook's own time box is 60 s; it was given what remained of the caller's 1.5 s.
    expect(received.deadline - Date.now()).to.be.below(1_500);
    await received.cancelled;
    const user = await callWithin(admin, "adminGetUser", { userPoolId: HOOK_POOL, username: "hooked" }, 10_000, bearer(ADMIN_TOKEN));
    expect(user.answer).to.equal("arm:userNotFound");
  });
});
