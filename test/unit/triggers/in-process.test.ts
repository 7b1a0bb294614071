// In-process hooks: Lambda-style Node.js modules run through the time box and output validation.
import { expect } from "chai";
import { pathToFileURL } from "node:url";
import { inProcessInvoker } from "../../../src/triggers/in-process.js";
import { withLimits } from "../../../src/triggers/run-with-limits.js";
import type { TriggerOutcome } from "../../../src/triggers/trigger.js";
import type { PreSignUpTriggerEvent } from "../../../src/triggers/events.js";
import { FIXTURES_DIR, fixture, preSignUpEvent } from "./sample-events.js";
import { CallDeadlineExceeded } from "../../../src/context/call-deadline.js";

function preSignUpRunner(module: string, timeoutMs = 2000, handler?: string) {
  const invoker = inProcessInvoker(handler === undefined ? { module, baseDir: FIXTURES_DIR } : { module, handler, baseDir: FIXTURES_DIR });
  return withLimits("PreSignUp", invoker, { timeoutMs });
}

function errorOf(outcome: TriggerOutcome<PreSignUpTriggerEvent>) {
  if (outcome.ok) expect.fail(`expected an error, got ${JSON.stringify(outcome.event.response)}`);
  return outcome.error;
}

describe("triggers/in-process", () => {
  it("returns the hook's response on the event the caller sent", async () => {
    const sent = preSignUpEvent();
    const outcome = await preSignUpRunner("pre-sign-up-auto-confirm.mjs").run(sent, Infinity);
    expect(outcome).to.deep.equal({
      ok: true,
      event: { ...sent, response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false } },
    });
    // The hook edited its own copy: userName, request and unknown response keys do not come back.
    expect(sent.response.autoConfirmUser).to.equal(false);
    expect(sent.userName).to.equal("jane");
  });

  it("resolves an absolute module path and a custom export name", async () => {
    const outcome = await preSignUpRunner(fixture("named-export.mjs"), 2000, "preSignUp").run(preSignUpEvent(), Infinity);
    expect(outcome.ok && outcome.event.response.autoVerifyEmail).to.equal(true);
  });

  it("runs a CommonJS handler (exports.handler) unchanged", async () => {
    const outcome = await preSignUpRunner("commonjs-handler.cjs").run(preSignUpEvent(), Infinity);
    expect(outcome.ok && outcome.event.response.autoConfirmUser).to.equal(true);
  });

  it("maps a thrown error to userLambdaValidation with Cognito's exact text", async () => {
    const outcome = await preSignUpRunner("throws.mjs").run(preSignUpEvent(), Infinity);
    expect(errorOf(outcome)).to.deep.equal({
      $case: "userLambdaValidation",
      value: { message: "PreSignUp failed with error Email domain not allowed." },
    });
  });

  it("always appends the period, even after one the hook wrote (§5.13)", async () => {
    const outcome = await preSignUpRunner("throws.mjs").run(preSignUpEvent({ message: "Bad Email." }), Infinity);
    expect(errorOf(outcome).value.message).to.equal("PreSignUp failed with error Bad Email..");
  });

  it("maps a synchronous throw of a string to userLambdaValidation", async () => {
    const outcome = await preSignUpRunner("throws-sync.mjs").run(preSignUpEvent(), Infinity);
    expect(errorOf(outcome).value.message).to.equal("PreSignUp failed with error SPIKE_LOCKED.");
  });

  it("ends a hook that never answers with unexpectedLambda at the time box", async () => {
    const started = Date.now();
    const outcome = await preSignUpRunner("never-resolves.mjs", 50).run(preSignUpEvent(), Infinity);
    const elapsed = Date.now() - started;
    expect(errorOf(outcome)).to.deep.equal({
      $case: "unexpectedLambda",
      value: { message: "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function." },
    });
    expect(elapsed).to.be.at.least(45).and.below(1000);
  });

  it("cuts at the caller's deadline when it comes before the time box, as the call's failure, not the hook's", async () => {
    const started = Date.now();
    const error = await preSignUpRunner("never-resolves.mjs", 5000).run(preSignUpEvent(), Date.now() + 50).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(CallDeadlineExceeded);
    expect(Date.now() - started).to.be.below(1000);
  });

  it("ignores a result that arrives after the time box", async () => {
    const sent = preSignUpEvent();
    const outcome = await preSignUpRunner("late.mjs", 30).run(sent, Infinity);
    const late = await import(pathToFileURL(fixture("late.mjs")).href as string);
    late.release();
    const lateEvent = await late.finished;
    expect(lateEvent.response.autoConfirmUser).to.equal(true); // the hook did finish…
    expect(errorOf(outcome).$case).to.equal("unexpectedLambda"); // …but the outcome was already decided
    expect(sent.userName).to.equal("jane");
    expect(sent.response.autoConfirmUser).to.equal(false);
  });

  const malformed: [kind: string, message: string][] = [
    ["string", "Unrecognizable lambda output"],
    ["nothing", "Unrecognizable lambda output"],
    ["array", "Unrecognizable lambda output"],
    ["wrong-type", "Invalid lambda function output : Invalid JSON"],
    ["no-response", "Invalid lambda function output : Invalid JSON"],
    ["too-big", "Invalid lambda function output : Invalid JSON"],
    ["cycle", "Invalid lambda function output : Invalid JSON"],
  ];
  for (const [kind, message] of malformed) {
    it(`maps malformed output (${kind}) to invalidLambdaResponse`, async () => {
      const outcome = await preSignUpRunner("malformed.mjs").run(preSignUpEvent({ kind }), Infinity);
      expect(errorOf(outcome)).to.deep.equal({ $case: "invalidLambdaResponse", value: { message } });
    });
  }

  describe("legacy (event, context, callback) handlers", () => {
    it("takes the result passed to callback(null, event)", async () => {
      const outcome = await preSignUpRunner("legacy-callback.mjs").run(preSignUpEvent(), Infinity);
      expect(outcome.ok && outcome.event.response.autoConfirmUser).to.equal(true);
    });

    it("takes callback(error) as the hook's error", async () => {
      const outcome = await preSignUpRunner("legacy-callback.mjs").run(preSignUpEvent({ mode: "error" }), Infinity);
      expect(errorOf(outcome).value.message).to.equal("PreSignUp failed with error Bad Password.");
    });

    it("supports context.succeed and context.done", async () => {
      const runner = preSignUpRunner("legacy-callback.mjs");
      const succeeded = await runner.run(preSignUpEvent({ mode: "succeed" }), Infinity);
      const done = await runner.run(preSignUpEvent({ mode: "done" }), Infinity);
      expect(succeeded.ok && succeeded.event.response.autoVerifyPhone).to.equal(true);
      expect(errorOf(done).value.message).to.equal("PreSignUp failed with error Bad Email.");
    });
  });

  describe("modules that cannot be used", () => {
    for (const module of ["no-handler.mjs", "does-not-exist.mjs"]) {
      it(`reports ${module} as unexpectedLambda without leaking the path`, async () => {
        const outcome = await preSignUpRunner(module).run(preSignUpEvent(), Infinity);
        expect(errorOf(outcome)).to.deep.equal({
          $case: "unexpectedLambda",
          value: { message: "PreSignUp invocation failed due to error ResourceNotFoundException." },
        });
      });
    }

    it("fails ready() so a server can refuse to start", async () => {
      const invoker = inProcessInvoker({ module: "no-handler.mjs", baseDir: FIXTURES_DIR });
      let error: unknown;
      await invoker.ready?.().catch((e: unknown) => (error = e));
      expect(String(error)).to.match(/does not export a function named handler/);
    });
  });
});
