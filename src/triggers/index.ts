// The trigger layer's public surface: what flows, the server start-up and hook authors import.
export type * from "./events.js";
export { TRIGGER_NAMES, type TriggerError, type TriggerEventOf, type TriggerName, type TriggerOutcome, type TriggerRunner } from "./trigger.js";
export { createTriggerRegistry, type PoolTriggers, type RegistryOptions, type TriggerRegistry } from "./registry.js";
export {
  MAX_TIMEOUT_MS,
  parseTriggersConfig,
  TriggerConfigError,
  triggersByPool,
  type PoolTriggersConfig,
  type TriggerConfig,
  type TriggerTarget,
} from "./trigger-config.js";
export {
  envelope,
  initialResponse,
  regionOfPool,
  triggerEvent,
  UNKNOWN_SDK_VERSION,
  userAttributesFor,
  type EnvelopeInput,
  type EventUser,
} from "./event-builder.js";
export { DEFAULT_TIMEOUT_MS, withLimits, type Limits } from "./run-with-limits.js";
export { inProcessInvoker, type InProcessOptions } from "./in-process.js";
export { remoteInvoker, type RemoteOptions } from "./remote.js";
export type { Invocation, InvokeBudget, Invoker } from "./invoker.js";
export { MAX_OUTPUT_BYTES } from "./output.js";
