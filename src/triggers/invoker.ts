// The transport seam between "how a hook is reached" (in-process module, remote gRPC service) and
// "what its answer means" (run-with-limits.ts). Invokers never interpret the output and never throw
// for anything the hook does; they report what happened as a value.
import type { InvokeFailure } from "./messages.js";
import type { TriggerEvent } from "./events.js";

/** What one invocation produced, before validation. */
export type Invocation =
  /** The hook answered; `payload` is its output as JSON text (Lambda's invoke payload). */
  | { $case: "returned"; payload: string }
  /** The hook raised an error with this message (thrown, callback(err), or remote error_message). */
  | { $case: "raised"; message: string }
  /** The hook gave no answer. */
  | { $case: "failed"; reason: InvokeFailure };

/** The time box of one call: aborted when it expires; `deadline` is absolute (Date.now() scale). */
export interface InvokeBudget {
  signal: AbortSignal;
  deadline: number;
}

export interface Invoker {
  invoke(event: TriggerEvent, budget: InvokeBudget): Promise<Invocation>;
  /** Fails (throws) when the hook cannot be loaded/reached at all; lets the server fail fast at start. */
  ready?(): Promise<void>;
  close?(): void;
}
