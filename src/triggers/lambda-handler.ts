// Calls a Node.js Lambda handler the way the Lambda Node.js runtime does, so an existing Cognito
// trigger works unchanged: `async (event) => event`, the legacy `(event, context, callback)` style,
// and the older `context.succeed/fail/done`. The first answer wins; later ones are ignored.
import { randomUUID } from "node:crypto";
import type { Invocation, InvokeBudget } from "./invoker.js";

export type LambdaCallback = (error?: unknown, result?: unknown) => void;
export type LambdaHandler = (event: unknown, context: LambdaContext, callback: LambdaCallback) => unknown;

/** The subset of Lambda's context object trigger code uses in practice. */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  awsRequestId: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
  succeed(result?: unknown): void;
  fail(error?: unknown): void;
  done(error?: unknown, result?: unknown): void;
}

export function callHandler(handler: LambdaHandler, functionName: string, event: unknown, budget: InvokeBudget): Promise<Invocation> {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (invocation: Invocation): void => {
      if (answered) return;
      answered = true;
      resolve(invocation);
    };
    const callback: LambdaCallback = (error, result) => answer(error == null ? returned(result) : raised(error));
    try {
      const value = handler(event, lambdaContext(functionName, budget, callback), callback);
      if (isThenable(value)) value.then((result) => answer(returned(result)), (error) => answer(raised(error)));
      // Lambda drops a plain (non-promise) return value and waits for the callback; we accept it
      // when it is not undefined, which only helps handlers that would otherwise time out.
      else if (value !== undefined) answer(returned(value));
    } catch (error) {
      answer(raised(error));
    }
  });
}

function lambdaContext(functionName: string, budget: InvokeBudget, callback: LambdaCallback): LambdaContext {
  return {
    functionName,
    functionVersion: "$LATEST",
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, budget.deadline - Date.now()),
    succeed: (result) => callback(null, result),
    fail: (error) => callback(error ?? new Error("")),
    done: (error, result) => callback(error, result),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

/** The hook's output as JSON text, as Lambda would put it in the invoke payload. */
function returned(result: unknown): Invocation {
  try {
    // undefined (no return value) serialises to nothing; Lambda reports it as null.
    return { $case: "returned", payload: JSON.stringify(result) ?? "null" };
  } catch {
    // Cycles, BigInt: not JSON. The empty payload then fails as "Invalid JSON" downstream.
    return { $case: "returned", payload: "" };
  }
}

/** Lambda's errorMessage: an Error's message, a string as-is, anything else stringified. */
function raised(error: unknown): Invocation {
  if (error instanceof Error) return { $case: "raised", message: error.message };
  if (typeof error === "string") return { $case: "raised", message: error };
  const message = (error as { message?: unknown } | null)?.message;
  return { $case: "raised", message: typeof message === "string" ? message : String(error) };
}
