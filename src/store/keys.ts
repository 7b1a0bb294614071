/**
 * Every Redis key, built in one place. A pool's keys share the hash tag `{p:<poolId>}`, so every
 * multi-key script of a pool runs in one Redis Cluster slot; pools spread across the cluster.
 * An app client's lookup record carries its own tag, because requests name only the client id.
 */
const pool = (poolId: string) => `idp:{p:${poolId}}`;

export const keys = {
  poolIndex: () => "idp:{pools}:index",
  /** The stable seed (simulation, code digests, SECRET_BLOCK), sealed under the master key ring. */
  stableSeed: () => "idp:{secrets}:stable-seed",
  pool: (poolId: string) => `${pool(poolId)}:pool`,
  poolClients: (poolId: string) => `${pool(poolId)}:clients`,
  client: (clientId: string) => `idp:{c:${clientId}}:client`,
  signingKey: (poolId: string) => `${pool(poolId)}:signing-key`,
  /** Prefix of every key of a pool (used to delete a pool). */
  poolPrefix: (poolId: string) => `${pool(poolId)}:`,

  user: (poolId: string, username: string) => `${pool(poolId)}:user:${username}`,
  userPrefix: (poolId: string) => `${pool(poolId)}:user:`,
  users: (poolId: string) => `${pool(poolId)}:users`,
  /**
   * The pool's index: one hash from lookup entries (indexEntry) to internal usernames, one entry per
   * name, verified alias and sub: far smaller than a key each (README "Redis": memory per user).
   * An entry the user key itself answers is implied and not stored: a name equal to the internal
   * username, and the sub of a user whose username is its sub (username-attribute pools).
   */
  userIndex: (poolId: string) => `${pool(poolId)}:ix`,
  /** A user's SRP verifiers per sign-in identifier (hash: canonical identifier → sealed verifier). */
  identityVerifiers: (poolId: string, username: string) => `${pool(poolId)}:srp-ids:${username}`,

  /** Failed sign-in counter: per internal username for users, per normalised input for unknown names. */
  lockout: (poolId: string, subject: string) => `${pool(poolId)}:lockout:${subject}`,
  session: (poolId: string, sessionDigest: string) => `${pool(poolId)}:session:${sessionDigest}`,
  usedSecretBlock: (poolId: string, digest: string) => `${pool(poolId)}:srp-used:${digest}`,
  code: (poolId: string, purpose: string, subject: string) => `${pool(poolId)}:code:${purpose}:${subject}`,
  rateLimit: (poolId: string, operation: string, subject: string) => `${pool(poolId)}:limit:${operation}:${subject}`,
  outbox: (poolId: string) => `${pool(poolId)}:outbox`,
  /** Deliveries the sender never took (store/delivery-failures.ts): who and why, never the code. */
  deliveryFailures: (poolId: string) => `${pool(poolId)}:delivery-failures`,

  /** One sign-in event (origin_jti): its refresh token digest, user, client and expiry. */
  authEvent: (poolId: string, originJti: string) => `${pool(poolId)}:auth:${originJti}`,
  userAuthEvents: (poolId: string, username: string) => `${pool(poolId)}:auths:${username}`,
  refreshToken: (poolId: string, tokenDigest: string) => `${pool(poolId)}:rt:${tokenDigest}`,

  /** A resource server (its identifier may hold any printable character but `"` and `\`). */
  resourceServer: (poolId: string, identifier: string) => `${pool(poolId)}:rs:${identifier}`,
  resourceServers: (poolId: string) => `${pool(poolId)}:rs-index`,
  group: (poolId: string, name: string) => `${pool(poolId)}:group:${name}`,
  groups: (poolId: string) => `${pool(poolId)}:groups`,
  /** The subs of a group's members. */
  groupMembers: (poolId: string, name: string) => `${pool(poolId)}:group-members:${name}`,
  /** The groups of a user, by sub (a re-created user is a new sub and inherits nothing). */
  userGroups: (poolId: string, sub: string) => `${pool(poolId)}:user-groups:${sub}`,
  userGroupsPrefix: (poolId: string) => `${pool(poolId)}:user-groups:`,
  /**
   * A request-rate quota of one category (docs/quotas.md): per pool, in the pool's slot, so the
   * check never crosses slots; operations that name no pool share the account-wide key.
   */
  quota: (poolId: string | undefined, category: string) => (poolId === undefined ? `idp:{account}:quota:${category}` : `${pool(poolId)}:quota:${category}`),
} as const;

/** Fields of keys.userIndex: a normalised username, a normalised verified alias (email, phone_number, preferred_username) or a sub. */
export const indexEntry = {
  name: (normalized: string) => `n:${normalized}`,
  alias: (attribute: string, normalized: string) => `a:${attribute}:${normalized}`,
  sub: (sub: string) => `s:${sub}`,
} as const;
