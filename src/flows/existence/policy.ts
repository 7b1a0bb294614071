// The existence policy: what each PreventUserExistenceErrors mode lets an answer reveal, as the
// handful of questions the flows ask. This is the only place in src that compares a mode; flows ask
// `policyOf(client)` and never look at the mode themselves (test/unit/flows/existence-policy.test.ts
// fails on a comparison anywhere else). Why each answer is what it is: docs/existence.md.
//
//   LEGACY   Cognito's LEGACY: unknown names and user states are told (user_not_found, ...).
//   ENABLED  Cognito's ENABLED: unknown names get simulated answers; the states Cognito still tells
//            before the password (UNCONFIRMED at sign-in, "cannot be confirmed" at ConfirmSignUp)
//            stay told, and challenges name the user's canonical internal username.
//   STRICT   ours: like ENABLED, and nothing depends on existence or state before the password (or
//            a code, or a custom answer) is proven; challenges name the identifier as typed.
import type { ClientRecord, ExistenceMode } from "../../store/records.js";

export interface ExistencePolicy {
  readonly mode: ExistenceMode;
  /** An unknown name is answered user_not_found; otherwise it gets the simulated answers (docs/existence.md §2). */
  readonly revealsUnknownUsers: boolean;
  /**
   * ForgotPassword and ResendConfirmationCode refuse with the state's own error ("User is already
   * confirmed.", "Cannot reset password ...") instead of simulating a delivery (U4, U5, U14).
   */
  readonly revealsRecoveryState: boolean;
  /** ConfirmSignUp tells a user who is not UNCONFIRMED "User cannot be confirmed. Current status is ..." (U15). */
  readonly revealsConfirmedState: boolean;
  /** Sign-in says "User is not confirmed." whatever the password (docs/cognito.md §7.1 #2, Cognito's ENABLED too). */
  readonly revealsUnconfirmedBeforeProof: boolean;
  /** When sign-in of a RESET_REQUIRED user says password_reset_required (docs/cognito.md §2.0): always, only after the password, never. */
  readonly passwordResetRequired: "always" | "after-proof" | "never";
  /** A real user's sign-up code record that is gone answers expired_code (U7); otherwise code_mismatch, as for an unknown name. */
  readonly missingCodeIsExpired: boolean;
  /** Hooks are told userNotFound (docs/cognito.md §5.5, §5.7): Cognito sets it only where unknown users are hidden. */
  readonly tellsHooksUserNotFound: boolean;
  /**
   * Which identity the SRP and CUSTOM_AUTH challenges carry (USER_ID_FOR_SRP, USERNAME) before anything
   * is proven: the user's internal username in its canonical form (Cognito; an alias sign-in shows
   * whose alias it is), or the identifier as typed in its canonical form, which an unknown name gets
   * too (docs/existence.md §4).
   */
  readonly challengeIdentity: "internal-username" | "typed-identifier";
}

const POLICIES: Readonly<Record<ExistenceMode, ExistencePolicy>> = {
  LEGACY: {
    mode: "LEGACY",
    revealsUnknownUsers: true,
    revealsRecoveryState: true,
    revealsConfirmedState: true,
    revealsUnconfirmedBeforeProof: true,
    passwordResetRequired: "always",
    missingCodeIsExpired: true,
    tellsHooksUserNotFound: false,
    challengeIdentity: "internal-username",
  },
  ENABLED: {
    mode: "ENABLED",
    revealsUnknownUsers: false,
    revealsRecoveryState: false,
    revealsConfirmedState: true,
    revealsUnconfirmedBeforeProof: true,
    passwordResetRequired: "never",
    missingCodeIsExpired: false,
    tellsHooksUserNotFound: true,
    challengeIdentity: "internal-username",
  },
  STRICT: {
    mode: "STRICT",
    revealsUnknownUsers: false,
    revealsRecoveryState: false,
    revealsConfirmedState: false,
    revealsUnconfirmedBeforeProof: false,
    passwordResetRequired: "after-proof",
    missingCodeIsExpired: false,
    tellsHooksUserNotFound: true,
    challengeIdentity: "typed-identifier",
  },
};

export function existencePolicy(mode: ExistenceMode): ExistencePolicy {
  return POLICIES[mode];
}

/** The policy of the app client a request came through (admin operations have none: docs/cognito.md §1.1). */
export function policyOf(client: Pick<ClientRecord, "existenceMode">): ExistencePolicy {
  return POLICIES[client.existenceMode];
}
