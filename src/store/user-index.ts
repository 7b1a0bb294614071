import { filterEntry, indexEntry, type ListedAttribute } from "./keys.js";
import type { UserRecord } from "./records.js";

/**
 * Where a user can be found, as the pool's rules derive it from the record (flows/usernames.ts):
 * unique claims in the lookup index (keys.userIndex) and listings in the filter index
 * (keys.filterIndex). Claims: `names` must be unique (the username and, in username-attribute pools,
 * the email / phone); `aliases` are verified aliases. Listings: the email and phone values no claim
 * holds, so that ListUsers finds every value without a second entry where a claim already finds it.
 */
export interface UserIndex {
  readonly names: readonly string[];
  readonly aliases: readonly { readonly attribute: string; readonly value: string }[];
  readonly listings: readonly { readonly attribute: ListedAttribute; readonly value: string }[];
}

/** The pool's rules: a record's index entries. Every write derives them again, so every path keeps the indexes. */
export type UserIndexOf = (user: UserRecord) => UserIndex;

/** A claim as a lookup names it: what another user holding it means to the caller. */
export type Claim = { readonly kind: "name"; readonly value: string } | { readonly kind: "alias"; readonly attribute: string; readonly value: string };

export function claimsOf(index: UserIndex): Claim[] {
  return [...index.names.map((value): Claim => ({ kind: "name", value })), ...index.aliases.map((a): Claim => ({ kind: "alias", ...a }))];
}

export function claimEntry(claim: Claim): string {
  return claim.kind === "name" ? indexEntry.name(claim.value) : indexEntry.alias(claim.attribute, claim.value);
}

export function listingMembers(index: UserIndex, username: string): string[] {
  return index.listings.map((l) => filterEntry.member(l.attribute, l.value, username));
}

/** What a write moves between two versions of one user: claims to take (checked) and give up, listings to add and drop. */
export interface IndexChange {
  readonly claim: readonly Claim[];
  readonly release: readonly string[];
  readonly list: readonly string[];
  readonly unlist: readonly string[];
}

export function indexChange(before: UserIndex, after: UserIndex, username: string): IndexChange {
  const held = new Set(claimsOf(before).map(claimEntry));
  const kept = new Set(claimsOf(after).map(claimEntry));
  const listedBefore = listingMembers(before, username);
  const listedAfter = listingMembers(after, username);
  return {
    claim: claimsOf(after).filter((c) => !held.has(claimEntry(c))),
    release: [...held].filter((e) => !kept.has(e)),
    list: listedAfter.filter((m) => !listedBefore.includes(m)),
    unlist: listedBefore.filter((m) => !listedAfter.includes(m)),
  };
}
