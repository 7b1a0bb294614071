// CreateAuthChallenge for the email-OTP example: a fresh 6-digit code each round, sent by email; the
// client sees only the masked address. For an unknown user (userNotFound) a code is made the same
// way but sent nowhere, and the masked "address" is derived from the name that was typed.
import { randomInt } from "node:crypto";
import { sendCode } from "./otp-outbox.mjs";

export const handler = async (event) => {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const email = event.request.userAttributes.email;
  const known = event.request.userNotFound !== true && email !== undefined;
  if (known) await sendCode(email, code);
  event.response.publicChallengeParameters = { email: mask(known ? email : event.userName) };
  event.response.privateChallengeParameters = { code };
  event.response.challengeMetadata = "EMAIL_OTP";
  return event;
};

/** "jane@example.com" → "j***@e***" (the service's own masking style). */
function mask(address) {
  const at = address.lastIndexOf("@");
  if (at < 0) return `${address.slice(0, 1)}***@${address.slice(1, 2)}***`;
  return `${address.slice(0, 1)}***@${address.slice(at + 1, at + 2)}***`;
}
