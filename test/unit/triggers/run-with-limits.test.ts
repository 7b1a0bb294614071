// The time box and the per-trigger output rules, driven by fake invokers (no modules, no network).
import { expect } from "chai";
import type { Invocation, Invoker } from "../../../src/triggers/invoker.js";
import { withLimits } from "../../../src/triggers/run-with-limits.js";
import { triggerEvent } from "../../../src/triggers/event-builder.js";
import type { TriggerEvent } from "../../../src/triggers/events.js";
import type { TriggerName, TriggerOutcome } from "../../../src/triggers/trigger.js";
import { POOL_ID, preSignUpEvent } from "./sample-events.js";
import { CallDeadlineExceeded } from "../../../src/context/call-deadline.js";

const INVALID_JSON = "Invalid lambda function output : Invalid JSON";

/** An invoker answering with `invocation`, counting its calls. */
function fakeInvoker(invocation: (event: TriggerEvent) => Invocation): Invoker & { calls: number } {
  const fake = {
    calls: 0,
    async invoke(event: TriggerEvent) {
      fake.calls += 1;
      return invocation(event);
    },
  };
  return fake;
}

/** Runs trigger `name` whose hook returns the sent event with `response` replaced. */
function runWithResponse(name: TriggerName, response: unknown): Promise<TriggerOutcome> {
  const invoker = fakeInvoker((event) => ({ $case: "returned", payload: JSON.stringify({ ...event, response }) }));
  const runner = withLimits(name, invoker, { timeoutMs: 1000 });
  return (runner.run as (event: TriggerEvent, deadline: number) => Promise<TriggerOutcome>)(anyEvent(name), Infinity);
}

/** A structurally complete event for any trigger; the runner validates by name, not by source. */
function anyEvent(name: TriggerName): TriggerEvent {
  const input = { triggerSource: `${name}_Test`, userPoolId: POOL_ID, userName: "jane", clientId: "client-1" };
  return triggerEvent(name, input as never, { userAttributes: { sub: "s-1" } } as never);
}

// [trigger, response the hook returns, the response the flow sees, or "invalid"]
const table: [TriggerName, unknown, unknown][] = [
  ["PreSignUp", { autoConfirmUser: true, autoVerifyEmail: null }, { autoConfirmUser: true, autoVerifyEmail: null }],
  ["PreSignUp", { autoConfirmUser: "true" }, "invalid"],
  ["PreSignUp", { autoVerifyPhone: 1 }, "invalid"],
  ["PreSignUp", null, "invalid"],
  ["PostConfirmation", { anything: "ignored" }, {}],
  ["PreAuthentication", {}, {}],
  ["PreAuthentication", "not an object", "invalid"],
  ["PostAuthentication", {}, {}],
  ["CustomMessage", { smsMessage: "code {####}", emailMessage: null }, { smsMessage: "code {####}", emailMessage: null }],
  ["CustomMessage", { emailMessage: "x".repeat(20_000) }, { emailMessage: "x".repeat(20_000) }],
  ["CustomMessage", { emailMessage: "x".repeat(20_001) }, "invalid"],
  ["CustomMessage", { emailSubject: "x".repeat(2049) }, "invalid"],
  ["CustomMessage", { smsMessage: 42 }, "invalid"],
  [
    "PreTokenGeneration",
    { claimsOverrideDetails: { claimsToAddOrOverride: { tenant: "t1", level: 3 }, claimsToSuppress: ["email"] } },
    { claimsOverrideDetails: { claimsToAddOrOverride: { tenant: "t1", level: "3" }, claimsToSuppress: ["email"] } },
  ],
  ["PreTokenGeneration", { claimsOverrideDetails: { claimsToSuppress: "email" } }, "invalid"],
  ["PreTokenGeneration", { claimsOverrideDetails: { claimsToSuppress: [1] } }, "invalid"],
  ["PreTokenGeneration", { claimsOverrideDetails: { claimsToAddOrOverride: { nested: { a: 1 } } } }, "invalid"],
  [
    "PreTokenGeneration",
    { claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: ["admin"], preferredRole: null } } },
    { claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: ["admin"], preferredRole: null } } },
  ],
  ["PreTokenGeneration", { claimsOverrideDetails: { groupOverrideDetails: { groupsToOverride: "admin" } } }, "invalid"],
  ["DefineAuthChallenge", { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false }, { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false }],
  ["DefineAuthChallenge", { issueTokens: "yes" }, "invalid"],
  ["CreateAuthChallenge", { publicChallengeParameters: { url: "u" }, privateChallengeParameters: { answer: "5" }, challengeMetadata: "CAPTCHA" }, { publicChallengeParameters: { url: "u" }, privateChallengeParameters: { answer: "5" }, challengeMetadata: "CAPTCHA" }],
  ["CreateAuthChallenge", { publicChallengeParameters: ["u"] }, "invalid"],
  ["VerifyAuthChallengeResponse", { answerCorrect: true }, { answerCorrect: true }],
  ["VerifyAuthChallengeResponse", { answerCorrect: "true" }, "invalid"],
  [
    "UserMigration",
    { userAttributes: { email: "j@example.com", email_verified: true }, finalUserStatus: "CONFIRMED", messageAction: "SUPPRESS", desiredDeliveryMediums: ["EMAIL"] },
    { userAttributes: { email: "j@example.com", email_verified: "true" }, finalUserStatus: "CONFIRMED", messageAction: "SUPPRESS", desiredDeliveryMediums: ["EMAIL"] },
  ],
  ["UserMigration", { finalUserStatus: "ACTIVE" }, "invalid"],
  ["UserMigration", { desiredDeliveryMediums: ["PIGEON"] }, "invalid"],
  ["UserMigration", { userAttributes: { name: "x".repeat(2049) } }, "invalid"],
  ["UserMigration", { forceAliasCreation: "false" }, "invalid"],
];

describe("triggers/run-with-limits", () => {
  describe("response validation per trigger", () => {
    for (const [name, response, expected] of table) {
      const label = `${name}: ${JSON.stringify(response)?.slice(0, 60)} → ${expected === "invalid" ? "invalid" : "ok"}`;
      it(label, async () => {
        const outcome = await runWithResponse(name, response);
        if (expected === "invalid") {
          expect(outcome).to.deep.equal({ ok: false, error: { $case: "invalidLambdaResponse", value: { message: INVALID_JSON } } });
        } else {
          expect(outcome.ok && outcome.event.response).to.deep.equal(expected);
        }
      });
    }
  });

  it("accepts exactly 64 KiB of output and rejects one byte more", async () => {
    const sent = preSignUpEvent();
    const base = JSON.stringify({ ...sent, response: {}, pad: "" });
    const payloadOf = (extra: number) => JSON.stringify({ ...sent, response: {}, pad: "x".repeat(64 * 1024 - base.length + extra) });
    const run = (payload: string) =>
      withLimits("PreSignUp", fakeInvoker(() => ({ $case: "returned", payload })), { timeoutMs: 1000 }).run(sent, Infinity);
    expect((await run(payloadOf(0))).ok).to.equal(true);
    expect((await run(payloadOf(1))).ok).to.equal(false);
  });

  it("rejects a payload that is not JSON (a remote hook's event_json)", async () => {
    const invoker = fakeInvoker(() => ({ $case: "returned", payload: "{not json" }));
    const outcome = await withLimits("PreSignUp", invoker, { timeoutMs: 1000 }).run(preSignUpEvent(), Infinity);
    expect(!outcome.ok && outcome.error.value.message).to.equal(INVALID_JSON);
  });

  it("names the trigger in userLambdaValidation and unexpectedLambda messages", async () => {
    const raised = fakeInvoker(() => ({ $case: "raised", message: "error_invalidCredentials" }));
    const failed = fakeInvoker(() => ({ $case: "failed", reason: "unavailable" }));
    const pre = await withLimits("PreTokenGeneration", raised, { timeoutMs: 1000 }).run(anyEvent("PreTokenGeneration") as never, Infinity);
    const mig = await withLimits("UserMigration", failed, { timeoutMs: 1000 }).run(anyEvent("UserMigration") as never, Infinity);
    expect(!pre.ok && pre.error).to.deep.equal({
      $case: "userLambdaValidation",
      value: { message: "PreTokenGeneration failed with error error_invalidCredentials." },
    });
    expect(!mig.ok && mig.error).to.deep.equal({
      $case: "unexpectedLambda",
      value: { message: "UserMigration invocation failed due to error ServiceException." },
    });
  });

  it("does not start a hook when the caller's deadline has already passed, and fails the call (not the hook)", async () => {
    const invoker = fakeInvoker((event) => ({ $case: "returned", payload: JSON.stringify(event) }));
    const error = await withLimits("PreSignUp", invoker, { timeoutMs: 1000 }).run(preSignUpEvent(), Date.now() - 1).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(CallDeadlineExceeded);
    expect(invoker.calls).to.equal(0);
  });

  it("answers unexpectedLambda when its own time box, not the caller's deadline, ends the hook", async () => {
    const invoker: Invoker = { invoke: () => new Promise(() => undefined) };
    const outcome = await withLimits("PreSignUp", invoker, { timeoutMs: 30 }).run(preSignUpEvent(), Date.now() + 10_000);
    expect(!outcome.ok && outcome.error.$case).to.equal("unexpectedLambda");
  });

  it("gives the invoker the earlier of time box and deadline, on the injected clock", async () => {
    let seen: { deadline: number; aborted: boolean } | undefined;
    const invoker: Invoker = {
      async invoke(event, budget) {
        seen = { deadline: budget.deadline, aborted: budget.signal.aborted };
        return { $case: "returned", payload: JSON.stringify(event) };
      },
    };
    const runner = withLimits("PreSignUp", invoker, { timeoutMs: 5000, now: () => 1_000_000 });
    await runner.run(preSignUpEvent(), 1_000_300);
    expect(seen).to.deep.equal({ deadline: 1_000_300, aborted: false });
    await runner.run(preSignUpEvent(), Infinity);
    expect(seen?.deadline).to.equal(1_005_000);
  });

  it("aborts the invoker's signal when the time box expires", async () => {
    let signal: AbortSignal | undefined;
    const invoker: Invoker = {
      invoke(_event, budget) {
        signal = budget.signal;
        return new Promise(() => {});
      },
    };
    const outcome = await withLimits("PreSignUp", invoker, { timeoutMs: 20 }).run(preSignUpEvent(), Infinity);
    expect(!outcome.ok && outcome.error.$case).to.equal("unexpectedLambda");
    expect(signal?.aborted).to.equal(true);
  });
});
