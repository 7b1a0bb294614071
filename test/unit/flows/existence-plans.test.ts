import { expect } from "chai";
import { planConfirmation, planResend } from "../../../src/flows/auth/confirmation-plan.js";
import { planRecovery } from "../../../src/flows/auth/recovery-plan.js";
import { cellOf, MODES, type Mode, type UserState } from "../../../src/flows/existence/table.js";
import { decideSignIn } from "../../../src/flows/sign-in/decide.js";
import { existencePolicy } from "../../../src/flows/existence/policy.js";
import { STAND_IN_USER } from "../../../src/store/stand-in.js";
import type { AttemptDecision } from "../../../src/store/lockout.js";
import type { UserRecord } from "../../../src/store/records.js";
import { pool, user } from "./existence-fixtures.js";

/** The user record each state of the table stands for (lockout is the counter, not the record). */
const RECORDS: Record<UserState, UserRecord | undefined> = {
  unknown: undefined,
  CONFIRMED: user(),
  UNCONFIRMED: user({ status: "UNCONFIRMED", attributes: { email: "alice@example.com", email_verified: "false" } }),
  disabled: user({ enabled: false }),
  "no verified contact": user({ attributes: { email: "alice@example.com", email_verified: "false" } }),
  RESET_REQUIRED: user({ status: "RESET_REQUIRED" }),
  FORCE_CHANGE_PASSWORD: user({ status: "FORCE_CHANGE_PASSWORD", passwordSetAt: 0 }),
  "locked out": user(),
};
const STATES = Object.keys(RECORDS) as UserState[];
/** What a lookup gives the plans: the user, and the record they plan on (a stand-in for no user). */
const named = (state: UserState) => ({ user: RECORDS[state], record: RECORDS[state] ?? STAND_IN_USER });

/** The arm a plan leads to, in the table's words. */
function recoveryArm(mode: Mode, state: UserState): string {
  const plan = planRecovery(existencePolicy(mode), pool(), named(state), "alice");
  return plan.kind === "refuse" ? `${plan.failure.$case}: ${plan.failure.value.message}` : plan.kind === "send" ? "sent" : "simulated";
}

function tableArm(probe: Parameters<typeof cellOf>[0], mode: Mode, state: UserState): string {
  const cell = cellOf(probe, state, mode)!;
  return cell.delivery === "sent" || cell.delivery === "simulated" ? cell.delivery : `${cell.arm}: ${cell.message}`;
}

describe("existence plans agree with the table (pure decisions)", () => {
  for (const mode of MODES) {
    for (const state of STATES) {
      it(`ForgotPassword | ${state} | ${mode}`, () => {
        expect(recoveryArm(mode, state)).to.equal(tableArm("ForgotPassword", mode, state));
      });

      it(`ResendConfirmationCode | ${state} | ${mode}`, () => {
        const plan = planResend(existencePolicy(mode), pool(), named(state), "alice");
        const arm = plan.kind === "refuse" ? `${plan.failure.$case}: ${plan.failure.value.message}` : plan.kind === "send" ? "sent" : "simulated";
        expect(arm).to.equal(tableArm("ResendConfirmationCode", mode, state));
      });

      it(`ConfirmSignUp (wrong code) | ${state} | ${mode}`, () => {
        const plan = planConfirmation(existencePolicy(mode), RECORDS[state]);
        const cell = cellOf("ConfirmSignUp, wrong code", state, mode)!;
        // A confirmable user or a phantom slot both answer a wrong code with code_mismatch.
        if (plan.kind === "refuse") expect(`${plan.failure.$case}: ${plan.failure.value.message}`).to.equal(`${cell.arm}: ${cell.message}`);
        else expect(cell.arm).to.equal("codeMismatch");
      });

      for (const passwordOk of [false, true]) {
        const probe = passwordOk ? "InitiateAuth (password), right password" : "InitiateAuth (password), wrong password";
        const cell = cellOf(probe, state, mode);
        if (!cell) continue;
        it(`sign-in decision | ${state} | ${mode} | ${passwordOk ? "right" : "wrong"} password`, () => {
          const attempt: AttemptDecision = state === "locked out" ? "locked" : passwordOk ? "ok" : "failed";
          const decision = decideSignIn({ policy: existencePolicy(mode), pool: pool(), user: RECORDS[state], passwordOk, attempt, now: 1_000 });
          if ("kind" in decision) expect(decision.kind === "tokens" ? "authenticationResult" : "challenge").to.equal(cell.arm);
          else expect(`${decision.$case}: ${decision.value.message}`).to.equal(`${cell.arm}: ${cell.message}`);
        });
      }
    }
  }

  it("lets an unknown name lock out like a user (U10)", () => {
    const decision = decideSignIn({ policy: existencePolicy("ENABLED"), pool: pool(), user: undefined, passwordOk: false, attempt: "locked", now: 0 });
    expect(decision).to.deep.equal({ $case: "notAuthorized", value: { message: "Password attempts exceeded" } });
  });

  it("answers admin_only pools alike for every name (the same refusal, known or not)", () => {
    const adminOnly = pool({ accountRecovery: ["admin_only"] });
    const answers = STATES.filter((s) => s !== "unknown").map((s) => planRecovery(existencePolicy("ENABLED"), adminOnly, named(s), "alice"));
    expect(new Set([planRecovery(existencePolicy("ENABLED"), adminOnly, named("unknown"), "ghost"), ...answers].map((a) => JSON.stringify(a))).size).to.equal(1);
  });
});
