import type { CodePurpose } from "../../store/codes.js";
import type { PoolRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { simulatedBytes } from "../existence/simulated-values.js";
import { looksLikeEmail, looksLikePhone } from "../usernames.js";
import type { Subject } from "../existence/subject.js";
import { confirmationAttributes, contactFor, MEDIUM, recoveryAttributes, type ContactAttribute, type Destination } from "./destinations.js";

/**
 * The destination a simulated delivery names (docs/cognito.md §6.1, "determined by the input user name format
 * and verification settings of the user pool"):
 *  1. an email-shaped name → EMAIL to that address; 2. a phone-shaped name → SMS to that number —
 *     each only where the pool could send this kind of code there (a recovery code by SMS in an
 *     email-only pool would itself give the simulation away);
 *  3. otherwise the pool's first channel for this purpose, to a pseudo-address derived from the
 *     server secret and the normalised name: the same on every call, replica and restart.
 * The caller masks it like any real destination (deliveryDetails), so the mask is the same code.
 */
export function simulatedDestination(deps: Deps, pool: PoolRecord, normalized: string, purpose: CodePurpose): Destination {
  const channels = purpose === "forgot-password" ? recoveryAttributes(pool) : confirmationAttributes(pool);
  const shaped = looksLikeEmail(normalized) ? "email" : looksLikePhone(normalized) ? "phone_number" : undefined;
  if (shaped && channels.includes(shaped)) return { attribute: shaped, medium: MEDIUM[shaped], value: normalized };
  return pseudoDestination(deps, pool.id, normalized, channels[0] ?? "email");
}

/**
 * The destination an answer that sends nothing names (docs/existence.md §5): for a real user, the
 * user's own contact for this kind of code (contactFor) — the one a real delivery names — and for
 * a name no user holds, the simulated destination. So for one name in one pool every answer that
 * carries CodeDeliveryDetails names one destination, whether a code really went out or not, and
 * the sequence of answers about a real name is one some unknown name could have produced. Both are
 * worked out for every name (the stand-in record's contact for an unknown one): the branch taken
 * costs nothing extra.
 */
export function answeredDestination(deps: Deps, pool: PoolRecord, subject: Pick<Subject, "user" | "record" | "normalized">, purpose: CodePurpose, input: string): Destination {
  const simulated = simulatedDestination(deps, pool, subject.normalized, purpose);
  const own = contactFor(pool, subject.record, purpose, input);
  return subject.user && own ? own : simulated;
}

/**
 * A stand-in for an unknown name's contact attributes, for hooks (CUSTOM_AUTH's
 * simulatedUserAttributes): for each contact attribute the pool sends codes to, the value its
 * simulated deliveries name (the name itself when shaped like one, else the pseudo-address).
 */
export function simulatedContacts(deps: Deps, pool: PoolRecord, normalized: string): Record<string, string> {
  const channels = [...new Set([...recoveryAttributes(pool), ...confirmationAttributes(pool)])];
  const attributes = channels.length > 0 ? channels : (["email"] as const);
  return Object.fromEntries(attributes.map((attribute) => [attribute, simulatedContact(deps, pool.id, normalized, attribute)]));
}

function simulatedContact(deps: Deps, poolId: string, normalized: string, attribute: ContactAttribute): string {
  const shaped = attribute === "email" ? looksLikeEmail(normalized) : looksLikePhone(normalized);
  return shaped ? normalized : pseudoDestination(deps, poolId, normalized, attribute).value;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * An address nobody owns (RFC 2606 `.invalid`; a NANP-shaped number), of which only the masked
 * form is ever shown: two letters, or a digit count and the last four digits.
 */
function pseudoDestination(deps: Deps, poolId: string, normalized: string, attribute: ContactAttribute): Destination {
  const bytes = simulatedBytes(deps, "destination", poolId, normalized);
  if (attribute === "email") return { attribute, medium: "EMAIL", value: `${LETTERS[bytes[0]! % 26]}@${LETTERS[bytes[1]! % 26]}.invalid` };
  const digits = Array.from(bytes.subarray(2, 12), (b) => String(b % 10)).join("");
  return { attribute, medium: "SMS", value: `+1${digits}` };
}
