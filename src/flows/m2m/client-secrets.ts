import { constantTimeEqual } from "../../crypto/digest.js";
import type { ClientRecord, ClientSecretEntry } from "../../store/records.js";

/** The id the secret a client was created with has (clients stored before rotation existed have only that one). */
export const INITIAL_SECRET_ID = "initial";

/** A client's active secrets, oldest first: one, or two while a rotation is under way. */
export function secretsOf(client: ClientRecord): readonly ClientSecretEntry[] {
  if (client.secrets && client.secrets.length > 0) return client.secrets;
  return client.secret === undefined ? [] : [{ id: INITIAL_SECRET_ID, value: client.secret, createdAt: client.createdAt }];
}

/**
 * The client with these secrets: `secret` (what DescribeUserPoolClient shows and SECRET_HASH checks
 * first) is the oldest active one.
 */
export function withSecrets(client: ClientRecord, secrets: readonly ClientSecretEntry[]): ClientRecord {
  return { ...client, secret: secrets[0]?.value, secrets: secrets.length > 0 ? secrets : undefined };
}

/**
 * True when `given` is one of the client's secrets. Every secret is compared (constant time each),
 * and a client without secrets compares against a stand-in, so the work does not depend on which
 * secret matched or whether the client has any.
 */
export function secretMatches(client: ClientRecord | undefined, given: string, standIn: string): boolean {
  const secrets = client ? secretsOf(client).map((s) => s.value) : [];
  let matched = false;
  for (const secret of secrets.length > 0 ? secrets : [standIn]) {
    if (constantTimeEqual(secret, given) && secrets.length > 0) matched = true;
  }
  return matched;
}
