// Wraps an invoker into a TriggerRunner: every call is time-boxed and every answer is mapped onto
// Cognito's three trigger errors (docs/cognito.md §5.13). Cognito gives a Lambda 5 s (§5.1); we cut at the
// earlier of the trigger's time box and the caller's deadline, and ignore anything that arrives late.
// Only the time box is the hook's fault (unexpectedLambda); the caller's deadline throws
// CallDeadlineExceeded, which the API answers with DEADLINE_EXCEEDED.
import { CallDeadlineExceeded } from "../context/call-deadline.js";
import type { Invocation, Invoker } from "./invoker.js";
import { failedWithError, invocationFailed } from "./messages.js";
import { acceptOutput } from "./output.js";
import type { TriggerEventOf, TriggerName, TriggerOutcome, TriggerRunner } from "./trigger.js";

/** Cognito's per-attempt Lambda limit: "it must respond within 5 seconds" (docs/cognito.md §5.1, G-TRIG). */
export const DEFAULT_TIMEOUT_MS = 5000;

export interface Limits {
  /** The trigger's own time box, in milliseconds. */
  readonly timeoutMs: number;
  /** Injected clock (Date.now() scale) for deterministic tests. */
  readonly now?: () => number;
}

const TIMED_OUT: Invocation = { $case: "failed", reason: "timeout" };

export function withLimits<N extends TriggerName>(name: N, invoker: Invoker, limits: Limits): TriggerRunner<N> {
  const now = limits.now ?? Date.now;
  return {
    async run(event, deadlineMs) {
      const ownBox = now() + limits.timeoutMs;
      const deadline = Math.min(ownBox, deadlineMs);
      const callerFirst = deadlineMs < ownBox;
      const budgetMs = deadline - now();
      // No time left (the caller's deadline has passed): do not start a hook we cannot wait for.
      if (!(budgetMs > 0)) return callerFirst ? outOfTime(name) : settle(name, event, TIMED_OUT);
      const invocation = await timeBoxed(budgetMs, (signal) => invoker.invoke(event, { signal, deadline }));
      // Cut by the caller's deadline, not by its own time box: the hook did not time out, the call
      // did. Answering unexpectedLambda would blame the hook; the call ends with DEADLINE_EXCEEDED.
      const timedOut = invocation.$case === "failed" && invocation.reason === "timeout";
      if (timedOut && callerFirst && now() >= deadline - 5) return outOfTime(name);
      return settle(name, event, invocation);
    },
  };
}

/**
 * Races the call against a timer. On expiry the signal aborts (a remote call is cancelled) and the
 * call's eventual result is dropped: the outcome is already decided.
 */
async function timeBoxed(ms: number, start: (signal: AbortSignal) => Promise<Invocation>): Promise<Invocation> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Invocation>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMED_OUT);
    }, ms);
  });
  try {
    return await Promise.race([start(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

function outOfTime(name: TriggerName): never {
  throw new CallDeadlineExceeded(`the call's deadline passed before the ${name} trigger answered`);
}

function settle<N extends TriggerName>(
  name: N,
  event: TriggerEventOf<N>,
  invocation: Invocation,
): TriggerOutcome<TriggerEventOf<N>> {
  switch (invocation.$case) {
    case "returned":
      return acceptOutput(name, event, invocation.payload);
    case "raised":
      return { ok: false, error: { $case: "userLambdaValidation", value: { message: failedWithError(name, invocation.message) } } };
    case "failed":
      return { ok: false, error: { $case: "unexpectedLambda", value: { message: invocationFailed(name, invocation.reason) } } };
  }
}
