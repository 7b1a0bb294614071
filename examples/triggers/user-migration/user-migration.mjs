// UserMigration trigger: brings users over from the legacy table on their first sign-in or password
// reset, written exactly as a Cognito Lambda trigger. Works in pools where users sign in with their
// email (username_attributes ["email"]), and in plain-username pools whose users type their email.
//
// The rules that keep it from leaking who has a legacy account (docs/cognito.md §5.10, §5.13, §7.1 #9):
//   - never throw for an unknown email or a wrong password — an error's text reaches the caller;
//     return the event unchanged instead, and the service answers exactly as for any unknown name;
//   - do the same work either way (legacy-store.mjs checks a dummy hash for unknown emails).
import { findLegacyUser, passwordMatches } from "./legacy-store.mjs";

export const handler = async (event) => {
  const row = findLegacyUser(event.userName);
  if (event.triggerSource === "UserMigration_Authentication") {
    // Sign-in: migrate only with the right password; the service keeps that password.
    if (!passwordMatches(row, event.request.password)) return event;
    event.response.userAttributes = attributesOf(row);
    // A legacy account flagged for reset must choose a new password (ForgotPassword) first.
    event.response.finalUserStatus = row.mustReset ? "RESET_REQUIRED" : "CONFIRMED";
  } else if (event.triggerSource === "UserMigration_ForgotPassword") {
    // Password reset: no password to check. The recovery code goes to a verified email only.
    if (row === undefined) return event;
    event.response.userAttributes = attributesOf(row);
    event.response.finalUserStatus = "RESET_REQUIRED";
  }
  // The user already has a password (or is about to get a code): no welcome message.
  event.response.messageAction = "SUPPRESS";
  return event;
};

function attributesOf(row) {
  const attributes = { email: row.email, email_verified: String(row.emailVerified), name: row.name };
  if (row.phone) Object.assign(attributes, { phone_number: row.phone, phone_number_verified: "false" });
  return attributes;
}
