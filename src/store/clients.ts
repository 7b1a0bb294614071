import { seal, unseal } from "../crypto/seal.js";
import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import type { ClientRecord } from "./records.js";

type StoredClient = Omit<ClientRecord, "secret"> & { sealedSecret?: string };

/** App clients. The secret is sealed at rest; callers always see it in clear. */
export class ClientStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly sealingKey: Buffer,
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

  async page(poolId: string, after: string | undefined, count: number): Promise<ClientRecord[]> {
    const ids = await this.redis.zrangebylex(keys.poolClients(poolId), after === undefined ? "-" : `(${after}`, "+", "LIMIT", 0, count);
    const clients = await Promise.all(ids.map((id) => this.get(id)));
    return clients.filter((c): c is ClientRecord => c !== undefined);
  }

  private close(client: ClientRecord): StoredClient {
    const { secret, ...rest } = client;
    if (secret === undefined) return rest;
    return { ...rest, sealedSecret: seal(this.sealingKey, Buffer.from(secret, "utf8"), `client-secret:${client.clientId}`).toString("base64") };
  }

  private open(fromJson: StoredClient): ClientRecord {
    // Clients stored before OAuth settings existed have none.
    const stored = { ...fromJson, allowedOauthFlows: fromJson.allowedOauthFlows ?? [], allowedOauthScopes: fromJson.allowedOauthScopes ?? [] };
    const { sealedSecret, ...rest } = stored;
    if (sealedSecret === undefined) return { ...rest, secret: undefined };
    const secret = unseal(this.sealingKey, Buffer.from(sealedSecret, "base64"), `client-secret:${stored.clientId}`);
    if (!secret) throw new Error(`the secret of client ${stored.clientId} cannot be opened: wrong master key?`);
    return { ...rest, secret: secret.toString("utf8") };
  }
}
