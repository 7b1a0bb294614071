// Per pool, which hook runs for which trigger. Flows ask `triggersFor(poolId).invoke(name, event)`;
// an unconfigured trigger is a no-op that hands the event back unchanged, as Cognito simply skips a
// trigger it has no Lambda for. Config shape: see trigger-config.ts.
import { callDeadline } from "../context/call-deadline.js";
import { inProcessInvoker } from "./in-process.js";
import type { Invoker } from "./invoker.js";
import { timedTrigger } from "../telemetry/instruments.js";
import { remoteInvoker } from "./remote.js";
import { DEFAULT_TIMEOUT_MS, withLimits } from "./run-with-limits.js";
import type { PoolTriggersConfig, TriggerConfig } from "./trigger-config.js";
import type { TriggerEventOf, TriggerName, TriggerOutcome, TriggerRunner } from "./trigger.js";

export interface RegistryOptions {
  /** Directory relative module paths resolve against (the config file's directory). */
  readonly baseDir: string;
  /** Time box for triggers without timeoutMs; Cognito's 5 s by default. */
  readonly defaultTimeoutMs?: number;
  readonly now?: () => number;
  /** Where start-up warnings go (a plaintext remote trigger). */
  readonly log?: { warn(fields: object, message?: string): void };
}

/** The triggers of one pool. */
export interface PoolTriggers {
  has(name: TriggerName): boolean;
  /** `deadlineMs`: absolute (Date.now() scale); default the deadline of the gRPC call this runs for. */
  invoke<N extends TriggerName>(name: N, event: TriggerEventOf<N>, deadlineMs?: number): Promise<TriggerOutcome<TriggerEventOf<N>>>;
}

export interface TriggerRegistry {
  triggersFor(poolId: string): PoolTriggers;
  /** Imports every module hook; rejects on the first that cannot load, so the server fails at start. */
  ready(): Promise<void>;
  /** Closes remote clients. */
  close(): void;
}

type Runners = Map<TriggerName, TriggerRunner>;

export function createTriggerRegistry(
  pools: Readonly<Record<string, PoolTriggersConfig>>,
  options: RegistryOptions,
): TriggerRegistry {
  const invokers: Invoker[] = [];
  const byPool = new Map<string, PoolTriggers>();
  for (const [poolId, config] of Object.entries(pools)) {
    byPool.set(poolId, poolTriggers(buildRunners(poolId, config, options, invokers)));
  }
  const none = poolTriggers(new Map());
  return {
    triggersFor: (poolId) => byPool.get(poolId) ?? none,
    ready: async () => {
      await Promise.all(invokers.map((invoker) => invoker.ready?.()));
    },
    close: () => invokers.forEach((invoker) => invoker.close?.()),
  };
}

function buildRunners(poolId: string, config: PoolTriggersConfig, options: RegistryOptions, invokers: Invoker[]): Runners {
  const runners: Runners = new Map();
  for (const [name, entry] of Object.entries(config) as [TriggerName, TriggerConfig][]) {
    if ("endpoint" in entry && entry.insecure) {
      options.log?.warn({ poolId, trigger: name, endpoint: entry.endpoint }, "remote trigger over plaintext (insecure: true): events, including user attributes, travel unencrypted");
    }
    const invoker = invokerFor(entry, options.baseDir);
    invokers.push(invoker);
    const timeoutMs = entry.timeoutMs ?? options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    runners.set(name, withLimits(name, invoker, { timeoutMs, now: options.now ?? Date.now }));
  }
  return runners;
}

function invokerFor(entry: TriggerConfig, baseDir: string): Invoker {
  return "module" in entry ? inProcessInvoker({ ...entry, baseDir }) : remoteInvoker({ ...entry, baseDir });
}

function poolTriggers(runners: Runners): PoolTriggers {
  return {
    has: (name) => runners.has(name),
    // Without an explicit deadline, the hook gets what remains of the gRPC call it runs for.
    async invoke<N extends TriggerName>(name: N, event: TriggerEventOf<N>, deadlineMs = callDeadline()) {
      // The map holds each name's own runner; the cast restores that pairing for the compiler.
      const runner = runners.get(name) as TriggerRunner<N> | undefined;
      if (runner === undefined) return { ok: true, event };
      return timedTrigger(name, () => runner.run(event, deadlineMs));
    },
  };
}
