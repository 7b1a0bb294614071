// Where the email-OTP example "sends" its codes. This example keeps them in memory so a test (or a
// developer's REPL) can read them; a real deployment replaces sendCode with its mail sender.
const OUTBOX = Symbol.for("identity.examples.emailOtp.outbox");

/** The messages sent so far, oldest first: { to, code }. */
export function outbox() {
  globalThis[OUTBOX] ??= [];
  return globalThis[OUTBOX];
}

export async function sendCode(to, code) {
  outbox().push({ to, code });
}
