import calculateSlot from "cluster-key-slot";
import { Cluster, type Redis } from "ioredis";

/**
 * What an acknowledged write promises when a Redis master dies (IDP_DURABILITY):
 * - `async`: Redis' own asynchronous replication. A master that dies right after answering can take
 *   its last writes with it; the promoted replica never saw them.
 * - `replica`: writes that create users, change credentials or revoke tokens are followed by
 *   `WAIT <replicas> <timeout>` on the same connection, and the RPC succeeds only once that many
 *   replicas hold the write; otherwise it fails with UNAVAILABLE (the write may or may not survive).
 * Neither is an fsync: a replica holds the write in memory (see the README's "Deploy" section).
 */
export type Durability =
  | { readonly mode: "async" }
  | { readonly mode: "replica"; readonly replicas: number; readonly timeoutMs: number };

/** Store scripts whose writes `replica` durability waits for (src/store/scripts/*.lua). */
export const DURABLE_SCRIPTS: ReadonlySet<string> = new Set(["createUser", "updateUser", "deleteUser", "revokeAuthEvents"]);

/** Raised when fewer replicas than required acknowledged a write: the API layer answers UNAVAILABLE. */
export class ReplicaAckError extends Error {
  override readonly name = "ReplicaAckError";
  constructor(acked: number, wanted: number) {
    super(`NOREPLICAS the write reached ${acked} of ${wanted} required replicas in time`);
  }
}

interface Script {
  readonly lua: string;
  readonly sha: string;
}

/**
 * Runs durable scripts on connections of their own: WAIT blocks the connection it is sent on until
 * the replicas catch up, and counts only that connection's writes, so the script and its WAIT go out
 * together in one pipeline (in a Cluster, to the master owning the keys' slot) and other requests never
 * queue behind a WAIT. A few connections, used in turn, let durable writes overlap. Errors propagate:
 * the API layer answers UNAVAILABLE for connection loss, CLUSTERDOWN, MOVED and NOREPLICAS alike.
 */
export class ReplicaAcks {
  private next = 0;

  constructor(
    private readonly connections: readonly (Redis | Cluster)[],
    private readonly replicas: number,
    private readonly timeoutMs: number,
  ) {}

  /** `binary`: bulk replies as Buffers (binary records), as runScriptBuffer returns them. */
  async run(script: Script, keys: readonly string[], args: readonly (string | number | Buffer)[], binary = false): Promise<unknown> {
    const connection = this.connections[this.next++ % this.connections.length]!;
    // A master that moved (failover) refused the script without running it: learn the new owner, once.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.runOn(target(connection, keys), script, keys, args, binary);
      } catch (error) {
        if (!(connection instanceof Cluster) || !(error instanceof Error) || !/^(MOVED|ASK|CLUSTERDOWN)|Connection is closed/.test(error.message)) throw error;
        await new Promise<void>((resolve) => connection.refreshSlotsCache(() => resolve()));
        if (attempt > 0 || !error.message.startsWith("MOVED")) throw error;
      }
    }
  }

  private async runOn(node: Redis, script: Script, keys: readonly string[], args: readonly (string | number | Buffer)[], binary: boolean): Promise<unknown> {
    let replies = await this.send(node, binary ? "evalshaBuffer" : "evalsha", script.sha, keys, args);
    if (replies[0]?.[0] instanceof Error && replies[0][0].message.startsWith("NOSCRIPT")) replies = await this.send(node, binary ? "evalBuffer" : "eval", script.lua, keys, args);
    const [scriptReply, waitReply] = replies;
    if (!scriptReply || !waitReply) throw new Error("the durable write pipeline returned no reply");
    if (scriptReply[0]) throw scriptReply[0];
    if (waitReply[0]) throw waitReply[0];
    const acked = Number(waitReply[1]);
    if (acked < this.replicas) throw new ReplicaAckError(acked, this.replicas);
    return scriptReply[1];
  }

  close(): void {
    for (const connection of this.connections) connection.disconnect();
  }

  private async send(connection: Redis, command: "evalsha" | "eval" | "evalshaBuffer" | "evalBuffer", body: string, keys: readonly string[], args: readonly (string | number | Buffer)[]): Promise<[Error | null, unknown][]> {
    const pipeline = connection.pipeline();
    // Every command has a Buffer variant at run time (evalshaBuffer); ioredis' pipeline types omit them.
    (pipeline as unknown as Record<string, (...a: unknown[]) => unknown>)[command]!(body, keys.length, ...keys, ...args);
    pipeline.call("WAIT", this.replicas, this.timeoutMs);
    return ((await pipeline.exec()) ?? []) as [Error | null, unknown][];
  }
}

/**
 * The connection that reaches the master of the keys' slot. In a Cluster, the script and its WAIT go
 * to that master's own connection: a cluster pipeline cannot follow a redirection for a keyless WAIT.
 */
function target(connection: Redis | Cluster, keys: readonly string[]): Redis {
  if (!(connection instanceof Cluster)) return connection;
  const owner = connection.slots[calculateSlot(keys[0] ?? "")]?.[0];
  const node = connection.nodes("master").find((n) => `${n.options.host}:${n.options.port}` === owner);
  if (!node) throw new Error("CLUSTERDOWN no known master serves the slot of this write");
  return node;
}
