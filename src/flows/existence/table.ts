// What every operation answers, per user state and per PreventUserExistenceErrors mode: the one
// source of the README's table (scripts/existence-table.ts writes it into README.md) and of the
// table-driven tests (test/integration/existence-table.test.ts). Cells marked with a decision id
// are where docs/cognito.md (§2.0, §8) says UNCERTAIN or says
// nothing; DECISIONS records what we chose and why. The rule for those cells: take the answer that
// reveals nothing — the answer an unknown name gets in that mode when the mode hides unknown names,
// or else the one that does not reveal the user's state.
import { messages } from "../messages.js";

export const MODES = ["LEGACY", "ENABLED", "STRICT"] as const;
export type Mode = (typeof MODES)[number];

export const USER_STATES = ["unknown", "CONFIRMED", "UNCONFIRMED", "disabled", "no verified contact", "RESET_REQUIRED", "FORCE_CHANGE_PASSWORD", "locked out"] as const;
export type UserState = (typeof USER_STATES)[number];

/** What each state is, as the tests build it (plain-username pool, email auto-verified, recovery by verified email). */
export const STATE_NOTES: Record<UserState, string> = {
  unknown: "no user holds the name (nor a verified alias of it)",
  CONFIRMED: "signed up and confirmed; email verified",
  UNCONFIRMED: "signed up, not confirmed; email not verified",
  disabled: "CONFIRMED, then disabled by an administrator",
  "no verified contact": "CONFIRMED; email present but not verified",
  RESET_REQUIRED: "CONFIRMED, then AdminResetUserPassword; the old password still proves who is asking (imported users, who have none, answer as its wrong-password cells)",
  FORCE_CHANGE_PASSWORD: "created by an administrator with a temporary password; email verified",
  "locked out": "CONFIRMED, after 5 failed sign-ins (locked for 1 s, docs/cognito.md §6.4)",
};

/** The request each row sends, to the state's name. */
export const PROBES = [
  "SignUp",
  "ConfirmSignUp, wrong code",
  "ConfirmSignUp, the code delivered",
  "ResendConfirmationCode",
  "ForgotPassword",
  "ConfirmForgotPassword, no code requested",
  "ConfirmForgotPassword, wrong code after ForgotPassword",
  "ConfirmForgotPassword, the code delivered",
  "InitiateAuth (password), wrong password",
  "InitiateAuth (password), right password",
  "ChangePassword, wrong previous password",
  "ChangePassword, right previous password",
  "AdminResetUserPassword",
  "AdminConfirmSignUp",
] as const;
export type Probe = (typeof PROBES)[number];

export interface Answer {
  /** The response's oneof arm, as ts-proto names it ($case). */
  readonly arm: string;
  /** The exact text of an error arm. */
  readonly message?: string;
  /** For answers with CodeDeliveryDetails or a reset: whether a code really went out. Not visible on the wire. */
  readonly delivery?: "sent" | "simulated" | "none";
  /** The challenge of a challenge arm. */
  readonly challenge?: string;
  /** The DECISIONS entry that chose this cell. */
  readonly decision?: DecisionId;
}

/** null: the request cannot be made in that state (no code was delivered, no token can exist). */
export type Cell = Answer | null;

export interface Row {
  readonly probe: Probe;
  readonly state: UserState;
  readonly cells: Readonly<Record<Mode, Cell>>;
}

export type DecisionId = keyof typeof DECISIONS;

/** Every choice where the spec is UNCERTAIN or silent, with its reason (cited in the code too). */
export const DECISIONS = {
  U1: "ConfirmSignUp for an unknown name under ENABLED (docs/cognito.md §2.2, §8.1): code_mismatch — what a wrong code gets from an unconfirmed user, whose sign-up code is normally outstanding. The name has a phantom code slot: after a simulated ResendConfirmationCode it holds a phantom code, which expires like a real one (then expired_code).",
  U2: "Disabled users in recovery and confirmation (docs/cognito.md §2.0 Disabled row, §8.2), in every mode: the answer an unknown name gets under ENABLED (simulated delivery, code_mismatch, expired_code via the name's phantom slot). Nothing is sent to, or changed for, a disabled user.",
  U3: "Sign-in of a disabled user with a wrong password under LEGACY (docs/cognito.md §2.0, §8.2): \"Incorrect username or password.\", as under ENABLED (the 2019 documentation's rule); \"User is disabled.\" only after the right password.",
  U4: "ResendConfirmationCode for a user who is not UNCONFIRMED, under ENABLED (docs/cognito.md §2.3, §8.3): the simulated delivery an unknown name gets, as recommended; LEGACY keeps \"User is already confirmed.\" (also for RESET_REQUIRED and FORCE_CHANGE_PASSWORD, who were never unconfirmed).",
  U5: "ForgotPassword for FORCE_CHANGE_PASSWORD under ENABLED (docs/cognito.md §2.4, §8.4): simulated delivery (reported as a silent success, amplify-js#6543). The user signs in with the temporary password instead.",
  U6: "ConfirmForgotPassword for a user who cannot be sent a reset code (UNCONFIRMED, FORCE_CHANGE_PASSWORD, no verified contact) under LEGACY (docs/cognito.md §2.0: UNCERTAIN or not stated): the unknown-name answer of ENABLED, through the name's phantom slot — expired_code unless a simulated ForgotPassword left a phantom code.",
  U7: "ConfirmSignUp of a real unconfirmed user whose code record is gone (used, or expired more than an hour ago), under ENABLED and STRICT: code_mismatch, as for an unknown name; expired_code would single out abandoned accounts. LEGACY answers expired_code. An expired code still in its record (up to an hour after expiry) answers expired_code in every mode, for real and phantom codes alike.",
  U8: "SignUp checks the password policy before the username (docs/cognito.md §2.1, order UNCERTAIN): the policy's answer depends on the password only.",
  U9: "SignUp with a taken username answers username_exists in every mode, STRICT too (docs/cognito.md §7.1 #1): a sign-up that cannot say the name is taken cannot work. Pools with alias_attributes keep email and phone existence hidden (a taken email signs up; alias_exists comes only with the right code).",
  U10: "Lockout for unknown names (docs/cognito.md §6.4, §8.8): simulated with the same counter, keyed by the normalised name, so \"Password attempts exceeded\" comes after the same 5 failures.",
  U11: "Per-user hourly limits (docs/cognito.md §6.2) count unknown names by their normalised name, exactly as users. ConfirmForgotPassword (\"5-20 depending on risk\") is 10; ForgotPassword (undocumented) is 5.",
  U12: "ChangePassword (token-authorised, so no enumeration): a disabled user's token answers \"Access Token has been revoked\" (disabling revokes tokens, docs/cognito.md §1.4); RESET_REQUIRED answers password_reset_required once the previous password is proven.",
  U13: "AdminConfirmSignUp on a user who is not UNCONFIRMED: not_authorized \"User cannot be confirmed. Current status is <status>\" (Cognito's CONFIRMED text with the actual status). AdminResetUserPassword of a disabled user: \"User is disabled.\" (docs/cognito.md §2.18). Admin operations take no client, so no mode applies (docs/cognito.md §1.1).",
  U14: "ForgotPassword for an UNCONFIRMED user under LEGACY: \"Cannot reset password for the user as there is no registered/verified email or phone_number\" (docs/cognito.md §2.0); an unconfirmed account is confirmed, not recovered.",
  U15: "ConfirmSignUp for users who are not UNCONFIRMED under LEGACY and ENABLED: not_authorized \"User cannot be confirmed. Current status is <status>\" (the documented CONFIRMED answer, docs/cognito.md §2.2, with the actual status). STRICT answers as a wrong code does.",
  U16: "A reset code someone else requested counts as requested (docs/cognito.md §6.3): ConfirmForgotPassword without a ForgotPassword of one's own answers code_mismatch for a user with an outstanding code (sent by AdminResetUserPassword, or by the user's own ForgotPassword within the hour) and expired_code for an unknown name. This shows that a reset is pending, for an hour at most; anyone can put an unknown name in the same state by calling ForgotPassword for it.",
} as const;

const fail = (arm: string, message: string, decision?: DecisionId): Answer => (decision ? { arm, message, decision } : { arm, message });
const ok = (extra: Omit<Answer, "arm"> = {}): Answer => ({ arm: "success", ...extra });
const all = (cell: Cell): Record<Mode, Cell> => ({ LEGACY: cell, ENABLED: cell, STRICT: cell });
const modes = (LEGACY: Cell, ENABLED: Cell, STRICT: Cell = ENABLED): Record<Mode, Cell> => ({ LEGACY, ENABLED, STRICT });
const withDecision = (answer: Answer, decision: DecisionId): Answer => ({ ...answer, decision });

const incorrect = fail("notAuthorized", messages.incorrectCredentials);
const attemptsExceeded = fail("notAuthorized", messages.passwordAttemptsExceeded);
const mismatch = fail("codeMismatch", messages.codeMismatch);
const expired = fail("expiredCode", messages.expiredCode);
const sent = ok({ delivery: "sent" });
const simulated = ok({ delivery: "simulated" });
const notFoundForClient = fail("userNotFound", messages.usernameClientNotFound);
const notConfirmed = fail("userNotConfirmed", messages.userNotConfirmed);
const cannotConfirm = (status: string, decision?: DecisionId) => fail("notAuthorized", messages.cannotConfirm(status), decision);
const noVerifiedContact = fail("invalidParameter", messages.noVerifiedContact);
const tokenRevoked = fail("notAuthorized", messages.tokenRevoked, "U12");

type Column = Partial<Record<UserState, Record<Mode, Cell>>>;

/** Cells per probe and state; states left out are "the same as CONFIRMED". */
const COLUMNS: Record<Probe, Column> = {
  SignUp: {
    unknown: all(sent),
    CONFIRMED: all(fail("usernameExists", messages.userExists, "U9")),
  },
  "ConfirmSignUp, wrong code": {
    unknown: modes(notFoundForClient, withDecision(mismatch, "U1")),
    CONFIRMED: modes(cannotConfirm("CONFIRMED"), cannotConfirm("CONFIRMED"), mismatch),
    UNCONFIRMED: all(mismatch),
    disabled: all(withDecision(mismatch, "U2")),
    RESET_REQUIRED: modes(cannotConfirm("RESET_REQUIRED", "U15"), cannotConfirm("RESET_REQUIRED", "U15"), mismatch),
    FORCE_CHANGE_PASSWORD: modes(cannotConfirm("FORCE_CHANGE_PASSWORD", "U15"), cannotConfirm("FORCE_CHANGE_PASSWORD", "U15"), mismatch),
  },
  "ConfirmSignUp, the code delivered": {
    unknown: all(null),
    CONFIRMED: all(null),
    UNCONFIRMED: all(ok()),
  },
  ResendConfirmationCode: {
    unknown: modes(notFoundForClient, simulated),
    CONFIRMED: modes(fail("invalidParameter", messages.alreadyConfirmed), withDecision(simulated, "U4"), simulated),
    UNCONFIRMED: all(sent),
    disabled: all(withDecision(simulated, "U2")),
    RESET_REQUIRED: modes(fail("invalidParameter", messages.alreadyConfirmed, "U4"), withDecision(simulated, "U4"), simulated),
    FORCE_CHANGE_PASSWORD: modes(fail("invalidParameter", messages.alreadyConfirmed, "U4"), withDecision(simulated, "U4"), simulated),
  },
  ForgotPassword: {
    unknown: modes(notFoundForClient, simulated),
    CONFIRMED: all(sent),
    UNCONFIRMED: modes(withDecision(noVerifiedContact, "U14"), simulated),
    disabled: all(withDecision(simulated, "U2")),
    "no verified contact": modes(noVerifiedContact, simulated),
    FORCE_CHANGE_PASSWORD: modes(fail("notAuthorized", messages.cannotResetInCurrentState), withDecision(simulated, "U5"), simulated),
  },
  "ConfirmForgotPassword, no code requested": {
    unknown: modes(notFoundForClient, expired),
    CONFIRMED: all(expired),
    UNCONFIRMED: modes(withDecision(expired, "U6"), expired),
    disabled: all(withDecision(expired, "U2")),
    "no verified contact": modes(withDecision(expired, "U6"), expired),
    // AdminResetUserPassword sent this user a code: one was requested, just not by the caller (U16).
    RESET_REQUIRED: all(withDecision(mismatch, "U16")),
    FORCE_CHANGE_PASSWORD: modes(withDecision(expired, "U6"), expired),
  },
  "ConfirmForgotPassword, wrong code after ForgotPassword": {
    unknown: modes(notFoundForClient, mismatch),
    CONFIRMED: all(mismatch),
    // LEGACY's ForgotPassword refused these users, so no phantom code exists: expired_code.
    UNCONFIRMED: modes(withDecision(expired, "U6"), mismatch),
    disabled: all(withDecision(mismatch, "U2")),
    "no verified contact": modes(withDecision(expired, "U6"), mismatch),
    FORCE_CHANGE_PASSWORD: modes(withDecision(expired, "U6"), mismatch),
  },
  "ConfirmForgotPassword, the code delivered": {
    unknown: all(null),
    CONFIRMED: all(ok()),
    UNCONFIRMED: all(null),
    disabled: all(null),
    "no verified contact": all(null),
    FORCE_CHANGE_PASSWORD: all(null),
  },
  "InitiateAuth (password), wrong password": {
    unknown: modes(fail("userNotFound", messages.userDoesNotExist), incorrect),
    CONFIRMED: all(incorrect),
    UNCONFIRMED: modes(notConfirmed, notConfirmed, incorrect),
    disabled: modes(withDecision(incorrect, "U3"), incorrect),
    RESET_REQUIRED: modes(fail("passwordResetRequired", messages.passwordResetRequired), incorrect),
    "locked out": all(attemptsExceeded),
  },
  "InitiateAuth (password), right password": {
    unknown: all(null),
    CONFIRMED: all({ arm: "authenticationResult" }),
    UNCONFIRMED: all(notConfirmed),
    disabled: all(fail("notAuthorized", messages.userDisabled)),
    RESET_REQUIRED: modes(fail("passwordResetRequired", messages.passwordResetRequired), incorrect, fail("passwordResetRequired", messages.passwordResetRequired)),
    FORCE_CHANGE_PASSWORD: all({ arm: "challenge", challenge: "NEW_PASSWORD_REQUIRED" }),
    "locked out": all(attemptsExceeded),
  },
  "ChangePassword, wrong previous password": {
    unknown: all(null),
    CONFIRMED: all(incorrect),
    UNCONFIRMED: all(null),
    disabled: all(tokenRevoked),
    FORCE_CHANGE_PASSWORD: all(null),
    "locked out": all(attemptsExceeded),
  },
  "ChangePassword, right previous password": {
    unknown: all(null),
    CONFIRMED: all(ok()),
    UNCONFIRMED: all(null),
    disabled: all(tokenRevoked),
    RESET_REQUIRED: all(fail("passwordResetRequired", messages.passwordResetRequired, "U12")),
    FORCE_CHANGE_PASSWORD: all(null),
    "locked out": all(attemptsExceeded),
  },
  AdminResetUserPassword: {
    unknown: all(fail("userNotFound", messages.userDoesNotExist)),
    CONFIRMED: all(sent),
    UNCONFIRMED: all(ok({ delivery: "none" })),
    disabled: all(fail("notAuthorized", messages.userDisabled, "U13")),
    "no verified contact": all(ok({ delivery: "none" })),
  },
  AdminConfirmSignUp: {
    unknown: all(fail("userNotFound", messages.userDoesNotExist)),
    CONFIRMED: all(cannotConfirm("CONFIRMED")),
    UNCONFIRMED: all(ok()),
    RESET_REQUIRED: all(cannotConfirm("RESET_REQUIRED", "U13")),
    FORCE_CHANGE_PASSWORD: all(cannotConfirm("FORCE_CHANGE_PASSWORD", "U13")),
  },
};

/** Every probe × state, CONFIRMED's cells standing in for states a column leaves out. */
export const EXISTENCE_TABLE: readonly Row[] = PROBES.flatMap((probe) =>
  USER_STATES.map((state) => {
    const column = COLUMNS[probe];
    const cells = column[state] ?? column.CONFIRMED;
    if (!cells) throw new Error(`existence table: no cells for ${probe} / ${state}`);
    return { probe, state, cells };
  }),
);

/** The cell of a probe, state and mode. */
export function cellOf(probe: Probe, state: UserState, mode: Mode): Cell {
  return EXISTENCE_TABLE.find((r) => r.probe === probe && r.state === state)!.cells[mode];
}

/**
 * True when the wire answer for this state equals the unknown name's (arm, message, challenge):
 * a masked cell, whose responses the indistinguishability tests compare byte for byte.
 */
export function isMasked(probe: Probe, state: UserState, mode: Mode): boolean {
  const cell = cellOf(probe, state, mode);
  const unknown = cellOf(probe, "unknown", mode);
  if (state === "unknown" || !cell || !unknown) return false;
  return cell.arm === unknown.arm && cell.message === unknown.message && cell.challenge === unknown.challenge;
}
