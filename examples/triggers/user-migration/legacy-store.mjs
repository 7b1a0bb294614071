// The legacy system's side: its user table and its password hashes. Replace `findLegacyUser` with a
// query against the real store (SQL, LDAP, an HTTP API); keep `passwordMatches` for its hash formats.
//
// Hash formats (as the old system wrote them):
//   scrypt$<N>$<r>$<p>$<base64 salt>$<base64 hash>   — scrypt, 32-byte output
//   sha256$<hex salt>$<hex sha256(salt + password)>   — salted SHA-256 (weak: migrate these first)
import { createHash, scryptSync, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

const TABLE = JSON.parse(readFileSync(new URL("./legacy-users.json", import.meta.url), "utf8"));

/** A hash no password matches, checked for unknown emails so they cost what known ones do. */
const DUMMY_HASH = "scrypt$16384$8$1$ri8Lnk7SVSZI+CuRkiPf9Q==$a2e2d2OqrvXhX8bfM6e+FMPaj15ip6vUUrKoyqW3wYU=";

/** The row for an email (case-insensitive), or undefined. Suspended accounts are not migrated. */
export function findLegacyUser(email) {
  const wanted = String(email).toLowerCase();
  return TABLE.users.find((row) => row.email.toLowerCase() === wanted && row.suspended !== true);
}

/**
 * Whether `password` matches the row's hash, in constant time. With no row, the dummy hash is
 * checked instead: a wrong email and a wrong password take the same time (no timing oracle).
 */
export function passwordMatches(row, password) {
  const matches = hashMatches(row?.password ?? DUMMY_HASH, password);
  return row !== undefined && matches;
}

function hashMatches(stored, password) {
  const [scheme, ...parts] = stored.split("$");
  if (scheme === "scrypt") {
    const [N, r, p, salt, hash] = parts;
    const expected = Buffer.from(hash, "base64");
    const actual = scryptSync(password, Buffer.from(salt, "base64"), expected.length, { N: Number(N), r: Number(r), p: Number(p) });
    return timingSafeEqual(actual, expected);
  }
  if (scheme === "sha256") {
    const [salt, hash] = parts;
    const actual = createHash("sha256").update(salt + password).digest();
    return timingSafeEqual(actual, Buffer.from(hash, "hex"));
  }
  return false;
}
