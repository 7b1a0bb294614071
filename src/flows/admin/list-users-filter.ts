import type { UserRecord } from "../../store/records.js";
import { messages } from "../messages.js";

/**
 * ListUsers filters (docs/cognito.md §2.20): `attribute = "value"` (exact) or `attribute ^= "value"` (prefix)
 * on one searchable attribute. Inside the quotes `\"` is a quote and `\\` a backslash. Pure: no
 * store, no clock, so it is tested on its own.
 */
export const SEARCHABLE = ["username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username", "cognito:user_status", "status", "sub"] as const;
export type SearchableAttribute = (typeof SEARCHABLE)[number];

export const MAX_FILTER_LENGTH = 256;

export interface UserFilter {
  readonly attribute: SearchableAttribute;
  readonly operator: "=" | "^=";
  readonly value: string;
}

/** A parsed filter (undefined: no filter, every user), or the reason it was refused. */
export type FilterParse = { readonly ok: true; readonly filter: UserFilter | undefined } | { readonly ok: false; readonly message: string };

const refuse = (reason: string): FilterParse => ({ ok: false, message: messages.filterParse(reason) });

export function parseFilter(text: string): FilterParse {
  if (text.length > MAX_FILTER_LENGTH) return refuse(`the filter is longer than ${MAX_FILTER_LENGTH} characters`);
  const scan = { text, at: skipSpaces(text, 0) };
  if (scan.at === text.length) return { ok: true, filter: undefined };
  const name = /^[A-Za-z0-9_:]+/.exec(text.slice(scan.at))?.[0];
  if (!name) return refuse(`expected an attribute name at position ${scan.at + 1}`);
  if (!(SEARCHABLE as readonly string[]).includes(name)) return { ok: false, message: messages.filterAttribute(name) };
  scan.at = skipSpaces(text, scan.at + name.length);
  const operator = text.startsWith("^=", scan.at) ? "^=" : text.startsWith("=", scan.at) ? "=" : undefined;
  if (!operator) return refuse(`expected = or ^= after ${name}`);
  scan.at = skipSpaces(text, scan.at + operator.length);
  const value = quoted(scan);
  if (typeof value !== "string") return value;
  if (skipSpaces(text, scan.at) !== text.length) return refuse("unexpected text after the quoted value");
  return { ok: true, filter: { attribute: name as SearchableAttribute, operator, value } };
}

/** Reads `"..."` at scan.at, unescaping \" and \\; leaves scan.at after the closing quote. */
function quoted(scan: { text: string; at: number }): string | FilterParse {
  const { text } = scan;
  if (text[scan.at] !== '"') return refuse("expected a value in double quotes after the operator");
  let value = "";
  for (let i = scan.at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      scan.at = i + 1;
      return value;
    }
    if (c === "\\") {
      const next = text[i + 1];
      if (next !== '"' && next !== "\\") return refuse('only \\" and \\\\ may follow a backslash');
      value += next;
      i++;
      continue;
    }
    value += c;
  }
  return refuse("the quoted value has no closing quote");
}

function skipSpaces(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/**
 * Whether a user passes the filter. `cognito:user_status` compares case-insensitively, `status`
 * is "Enabled" / "Disabled"; everything else is compared as stored (Cognito: username and status
 * are case-sensitive). A user without the attribute never matches.
 */
export function matchesFilter(filter: UserFilter | undefined, user: UserRecord): boolean {
  if (!filter) return true;
  const actual = valueOf(filter.attribute, user);
  if (actual === undefined) return false;
  const fold = filter.attribute === "cognito:user_status" ? (s: string) => s.toLowerCase() : (s: string) => s;
  const [have, want] = [fold(actual), fold(filter.value)];
  return filter.operator === "=" ? have === want : have.startsWith(want);
}

function valueOf(attribute: SearchableAttribute, user: UserRecord): string | undefined {
  switch (attribute) {
    case "username": return user.username;
    case "sub": return user.sub;
    case "status": return user.enabled ? "Enabled" : "Disabled";
    case "cognito:user_status": return user.status;
    default: return user.attributes[attribute];
  }
}
