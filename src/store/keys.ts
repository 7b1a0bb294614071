/**
 * Every Redis key, built in one place. A pool's keys share the hash tag `{p:<poolId>}`, so every
 * multi-key script of a pool runs in one Redis Cluster slot; pools spread across the cluster.
 * An app client's lookup record carries its own tag, because requests name only the client id.
 */
const pool = (poolId: string) => `idp:{p:${poolId}}`;

export const keys = {
  poolIndex: () => "idp:{pools}:index",
  /** Ids of pools whose keys are being deleted (store/pools.ts delete): resumed at start, not re-creatable meanwhile. */
  deletingPools: () => "idp:{pools}:deleting",
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
   * name, verified alias and sub: far smaller than a key each (docs/storage.md "The lookup index").
   * An entry the user key itself answers is implied and not stored: a name equal to the internal
   * username, and the sub of a user whose username is its sub (username-attribute pools).
   */
  userIndex: (poolId: string) => `${pool(poolId)}:ix`,
  /**
   * The pool's filter index (ListUsers, docs/cognito.md §2.20): one sorted set, every score 0, read by
   * lex range; members are filterEntry.member. It lists the email and phone values that no claim in
   * userIndex holds (unverified aliases; every value in pools where they are not sign-in names), so
   * each value is findable exactly once. Its member filterEntry.complete says every user of the pool
   * is in it (pools created before it get it from `make reindex`); until then filters scan.
   */
  filterIndex: (poolId: string) => `${pool(poolId)}:fx`,
  /**
   * A user's SRP verifiers for sign-in identifiers other than its username, whose verifier the
   * record holds (hash: canonical identifier → sealed verifier); only where a STRICT client may show
   * them (docs/existence.md §4).
   */
  identityVerifiers: (poolId: string, username: string) => `${pool(poolId)}:srp-ids:${username}`,

  /** Failed sign-in counter: per internal username for users, per normalised input for unknown names. */
  lockout: (poolId: string, subject: string) => `${pool(poolId)}:lockout:${subject}`,
  session: (poolId: string, sessionDigest: string) => `${pool(poolId)}:session:${sessionDigest}`,
  usedSecretBlock: (poolId: string, digest: string) => `${pool(poolId)}:srp-used:${digest}`,
  code: (poolId: string, purpose: string, subject: string) => `${pool(poolId)}:code:${purpose}:${subject}`,
  rateLimit: (poolId: string, operation: string, subject: string) => `${pool(poolId)}:limit:${operation}:${subject}`,
  outbox: (poolId: string) => `${pool(poolId)}:outbox`,
  /**
   * Where simulated deliveries rehearse the outbox write (delivery/redis-stream-sender.ts): the same
   * command shape, trimmed to about one stream node, read by nobody (docs/existence.md §2).
   */
  outboxRehearsal: (poolId: string) => `${pool(poolId)}:outbox-rehearsal`,
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fields of keys.userIndex: a normalised username, a normalised verified alias (email, phone_number, preferred_username) or a sub. */
export const indexEntry = {
  name: (normalized: string) => `n:${normalized}`,
  alias: (attribute: string, normalized: string) => `a:${attribute}:${normalized}`,
  /**
   * A sub as written: a UUID as `u:` and the base64url of its 16 bytes (24 characters where its text
   * takes 38: docs/storage.md "Memory per user"), read case-insensitively (RFC 4122 §3); any
   * other sub as text (subText).
   */
  sub: (sub: string) => (UUID.test(sub) ? `u:${Buffer.from(sub.replace(/-/g, ""), "hex").toString("base64url")}` : `s:${sub}`),
  /** A sub as text: how every sub was written before `u:` (lookups and deletions still read it), and the one find-user.lua resolves through the user key. */
  subText: (sub: string) => `s:${sub}`,
} as const;

/** The attributes keys.filterIndex lists, and their one-letter codes in its members. */
export const LISTED_ATTRIBUTES = { email: "e", phone_number: "p" } as const;
export type ListedAttribute = keyof typeof LISTED_ATTRIBUTES;

/**
 * Members of keys.filterIndex: `<code>:<normalised value>\0<internal username>`, so one value's users
 * sort together by username and a prefix's values sort together. Usernames never hold a NUL
 * (flows/validation.ts), so the username is what follows the last one. Lua writes the same form
 * (create-user.lua, when ForceAliasCreation leaves a previous owner's value unverified).
 */
export const filterEntry = {
  member: (attribute: ListedAttribute, value: string, username: string) => `${LISTED_ATTRIBUTES[attribute]}:${value}\u0000${username}`,
  /** The start of every member of one attribute's values beginning with `text` (a whole value when `text` ends with NUL). */
  prefix: (attribute: ListedAttribute, text: string) => `${LISTED_ATTRIBUTES[attribute]}:${text}`,
  /** Present when every user of the pool is listed. */
  complete: "",
} as const;
