import type { Sealer } from "../crypto/sealer.js";
import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import type { ClientRecord } from "./records.js";

type SealedEntry = { id: string; createdAt: number; sealed: string };
type StoredClient = Omit<ClientRecord, "secret" | "secrets"> & { sealedSecret?: string; sealedSecrets?: SealedEntry[] };

/** App clients. The secret is sealed at rest; callers always see it in clear. */
export class ClientStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly sealer: Sealer,
  ) {}

  async get(clientId: string): Promise<ClientRecord | undefined> {
    const json = await this.redis.get(keys.client(clientId));
    return json === null ? undefined : this.open(JSON.parse(json) as StoredClient);
  }

  /** False when the id is taken. */
  async create(client: ClientRecord): Promise<boolean> {
    const created = await this.redis.set(keys.client(client.clientId), JSON.stringify(this.close(client)), "NX");
    if (created === null) return false;
    await this.redis.zadd(keys.poolClients(client.poolId), 0, client.clientId);
    return true;
  }

  /** How many app clients a pool has. */
  async count(poolId: string): Promise<number> {
    return this.redis.zcard(keys.poolClients(poolId));
  }

  async put(client: ClientRecord): Promise<void> {
    await this.redis.set(keys.client(client.clientId), JSON.stringify(this.close(client)), "XX");
  }

  async delete(client: ClientRecord): Promise<void> {
    await this.redis.del(keys.client(client.clientId));
    await this.redis.zrem(keys.poolClients(client.poolId), client.clientId);
  }

  async idsOf(poolId: string): Promise<string[]> {
    return this.redis.zrange(keys.poolClients(poolId), "0", "-1");
  }

  /** The existence mode of each of the pool's clients, secrets left sealed (existence/typed-identifiers.ts). */
  async modesOf(poolId: string): Promise<ClientRecord["existenceMode"][]> {
    const ids = await this.idsOf(poolId);
    const stored = await Promise.all(ids.map((id) => this.redis.get(keys.client(id))));
    return stored.filter((json): json is string => json !== null).map((json) => (JSON.parse(json) as StoredClient).existenceMode);
  }

  async page(poolId: string, after: string | undefined, count: number): Promise<ClientRecord[]> {
    const ids = await this.redis.zrangebylex(keys.poolClients(poolId), after === undefined ? "-" : `(${after}`, "+", "LIMIT", 0, count);
    const clients = await Promise.all(ids.map((id) => this.get(id)));
    return clients.filter((c): c is ClientRecord => c !== undefined);
  }

  private close(client: ClientRecord): StoredClient {
    const { secret, secrets, ...rest } = client;
    if (secret === undefined) return rest;
    const sealed = (value: string) => this.sealer.seal(Buffer.from(value, "utf8"), `client-secret:${client.clientId}`).toString("base64");
    const sealedSecrets = secrets?.map((s) => ({ id: s.id, createdAt: s.createdAt, sealed: sealed(s.value) }));
    return { ...rest, sealedSecret: sealed(secret), ...(sealedSecrets ? { sealedSecrets } : {}) };
  }

  private open(fromJson: StoredClient): ClientRecord {
    // Clients stored before OAuth settings existed have none.
    const stored = { ...fromJson, allowedOauthFlows: fromJson.allowedOauthFlows ?? [], allowedOauthScopes: fromJson.allowedOauthScopes ?? [] };
    const { sealedSecret, sealedSecrets, ...rest } = stored;
    if (sealedSecret === undefined) return { ...rest, secret: undefined };
    const open = (sealed: string) => {
      const secret = this.sealer.open(Buffer.from(sealed, "base64"), `client-secret:${stored.clientId}`);
      if (!secret) throw new Error(`the secret of client ${stored.clientId} cannot be opened: wrong master key?`);
      return secret.toString("utf8");
    };
    const secrets = sealedSecrets?.map((s) => ({ id: s.id, createdAt: s.createdAt, value: open(s.sealed) }));
    return { ...rest, secret: open(sealedSecret), ...(secrets ? { secrets } : {}) };
  }
}
