import type { DerivedKeys } from "../crypto/derived-keys.js";
import type { AuthEventStore } from "../store/auth-events.js";
import type { ClientStore } from "../store/clients.js";
import type { GroupStore } from "../store/groups.js";
import type { ResourceServerStore } from "../store/resource-servers.js";
import type { CodeStore } from "../store/codes.js";
import type { LockoutStore } from "../store/lockout.js";
import type { PoolStore } from "../store/pools.js";
import type { QuotaStore } from "../store/quotas.js";
import type { RateLimitStore } from "../store/rate-limits.js";
import type { UsedSecretBlockStore } from "../store/secret-blocks.js";
import type { SessionStore } from "../store/sessions.js";
import type { SigningKeyStore } from "../store/signing-keys.js";
import type { UserStore } from "../store/users.js";
import type { IdentityVerifierStore } from "../store/identity-verifiers.js";
import type { CodeSender } from "./delivery/code-sender.js";
import type { PendingDeliveries } from "./delivery/pending-deliveries.js";
import type { Logger } from "./logger.js";
import type { KeyRing } from "./tokens/key-ring.js";
import type { TriggerRegistry } from "../triggers/index.js";

/** Everything a flow needs, injected so tests control time and randomness. */
export interface Deps {
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  readonly random: (bytes: number) => Buffer;
  readonly keys: DerivedKeys;
  readonly settings: FlowSettings;
  readonly stores: Stores;
  readonly sender: CodeSender;
  /** Deliveries promised by a response and not yet with the sender (flushed at shutdown). */
  readonly deliveries: PendingDeliveries;
  readonly keyRing: KeyRing;
  /** Lambda-equivalent hooks per pool; unconfigured triggers are no-ops. */
  readonly triggers: TriggerRegistry;
  readonly log: Logger;
}

export interface FlowSettings {
  /** Region prefix of generated pool ids (`<region>_<alnum>`). */
  readonly region: string;
  /** A pool's token issuer is `${issuerBaseUrl}/${poolId}`. */
  readonly issuerBaseUrl: string;
  readonly srpTimestampSkewSeconds: number;
  /** Resource quotas (docs/quotas.md): pools in the service, app clients per pool. */
  readonly maxUserPools: number;
  readonly maxClientsPerPool: number;
}

export interface Stores {
  readonly pools: PoolStore;
  readonly clients: ClientStore;
  readonly users: UserStore;
  readonly identityVerifiers: IdentityVerifierStore;
  readonly sessions: SessionStore;
  readonly lockout: LockoutStore;
  readonly authEvents: AuthEventStore;
  readonly signingKeys: SigningKeyStore;
  readonly codes: CodeStore;
  /** Per-user hourly limits (docs/cognito.md §6.2). */
  readonly rateLimits: RateLimitStore;
  readonly usedSecretBlocks: UsedSecretBlockStore;
  readonly resourceServers: ResourceServerStore;
  readonly groups: GroupStore;
  /** Request-rate quotas per pool and category (docs/quotas.md). */
  readonly quotas: QuotaStore;
}
