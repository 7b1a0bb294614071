// CreateAuthChallenge for the email-OTP example: a fresh 6-digit code each round, sent by email; the
// client sees only the masked address. For an unknown user (userNotFound) a code is made the same
// way but sent nowhere, and the masked address is the service's stand-in for that name
// (request.simulatedUserAttributes): the address the service's own simulated deliveries name for it
// (ForgotPassword, ResendConfirmationCode), derived from a server secret, so the answer about an
// unknown name looks like one about a real user and agrees with every other answer about that name.
// Never build it from the typed name: "u***@q***" for "uq9b…" would tell unknown names apart.
import { randomInt } from "node:crypto";
import { sendCode } from "./otp-outbox.mjs";

export const handler = async (event) => {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const known = event.request.userNotFound !== true;
  const email = known ? event.request.userAttributes.email : event.request.simulatedUserAttributes?.email;
  if (known && email !== undefined) await sendCode(email, code);
  event.response.publicChallengeParameters = email === undefined ? {} : { email: mask(email) };
  event.response.privateChallengeParameters = { code };
  event.response.challengeMetadata = "EMAIL_OTP";
  return event;
};

/** "jane@example.com" → "j***@e***" (the service's own masking style: first letters, lower-cased). */
function mask(address) {
  const at = address.lastIndexOf("@");
  const first = (text) => (Array.from(text)[0] ?? "").toLowerCase();
  return `${first(address.slice(0, Math.max(at, 0)))}***@${first(address.slice(at + 1))}***`;
}
