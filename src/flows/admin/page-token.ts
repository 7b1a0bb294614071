import { messages } from "../messages.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";

/** What a listing pages over; a token of one kind is refused by another listing. */
export type PageKind = "pools" | "clients" | "users" | "resource-servers" | "groups" | "user-groups" | "group-users";

/**
 * Longest token accepted: base64url of a kind tag and a key — at most a filtered ListUsers position,
 * an attribute value (up to 2,048 characters) and a username (docs/cognito.md §2).
 */
const MAX_TOKEN = 8192;

/**
 * Pagination tokens are opaque to callers (Cognito's NextToken / PaginationToken): base64url of the
 * listing's kind and the last key returned, so the next page starts strictly after it. Not a
 * secret and not signed: a forged token only moves where a listing the caller may read starts.
 */
export function pageToken(kind: PageKind, lastKey: string): string {
  return Buffer.from(`${kind}\u0000${lastKey}`, "utf8").toString("base64url");
}

/** The key to continue after; undefined for the first page (empty token). */
export function readPageToken(field: string, kind: PageKind, token: string): string | undefined | InvalidParameter {
  if (token === "") return undefined;
  if (token.length > MAX_TOKEN || !/^[A-Za-z0-9_-]+$/.test(token)) return invalidParameter(field, messages.invalidPageToken);
  const text = Buffer.from(token, "base64url").toString("utf8");
  const separator = text.indexOf("\u0000");
  if (separator < 0 || text.slice(0, separator) !== kind || separator === text.length - 1) return invalidParameter(field, messages.invalidPageToken);
  return text.slice(separator + 1);
}

/** True when `value` is a refusal rather than a key. */
export function isRefusal(value: string | undefined | InvalidParameter): value is InvalidParameter {
  return typeof value === "object";
}

/** Page sizes: 1-60 (Cognito's MaxResults / Limit); `zeroMeans` for ListUsers, where 0 is 60. */
export function pageSize(field: string, value: number, zeroMeans?: number): number | InvalidParameter {
  const size = value === 0 && zeroMeans !== undefined ? zeroMeans : value;
  if (!Number.isInteger(size) || size < 1 || size > 60) return invalidParameter(field, `1 validation error detected: Value '${value}' at '${field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}' failed to satisfy constraint: Member must have value between 1 and 60`);
  return size;
}
