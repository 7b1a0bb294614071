// Turns what a hook returned into an outcome. A Lambda trigger returns the whole event; Cognito reads
// only `response` from it (docs/cognito.md §5.1), so the outcome is the event we sent with the validated response
// — a hook cannot rewrite userName, request or the envelope a flow relies on.
import { INVALID, isPlainObject } from "./schema.js";
import { INVALID_JSON, UNRECOGNIZABLE_OUTPUT } from "./messages.js";
import { responseSchemas } from "./response-schemas.js";
import type { TriggerEventOf, TriggerName, TriggerOutcome } from "./trigger.js";

/** At most 64 KiB of JSON back from a hook, so a runaway hook cannot inflate a session or token. */
export const MAX_OUTPUT_BYTES = 64 * 1024;

export function acceptOutput<N extends TriggerName>(
  name: N,
  sent: TriggerEventOf<N>,
  payload: string,
): TriggerOutcome<TriggerEventOf<N>> {
  if (Buffer.byteLength(payload, "utf8") > MAX_OUTPUT_BYTES) return invalid(INVALID_JSON);
  const returned = parseJson(payload);
  if (returned === INVALID) return invalid(INVALID_JSON);
  // null/undefined, a string, an array: the hook did not return the event at all.
  if (!isPlainObject(returned)) return invalid(UNRECOGNIZABLE_OUTPUT);
  const check = responseSchemas[name] as (value: unknown) => TriggerEventOf<N>["response"] | typeof INVALID;
  const response = check(returned.response);
  if (response === INVALID) return invalid(INVALID_JSON);
  return { ok: true, event: { ...sent, response } };
}

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return INVALID;
  }
}

function invalid(message: string): { ok: false; error: { $case: "invalidLambdaResponse"; value: { message: string } } } {
  return { ok: false, error: { $case: "invalidLambdaResponse", value: { message } } };
}
