import { clientContext, isContext, type ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";

const CACHE_MS = 2_000;
const unknown = new Map<string, number>();

/**
 * The client a client-credentials or token-endpoint request names, when it exists. Known clients
 * come from the two-second client cache; unknown ids are remembered as long, so a repeated guess
 * costs what a repeated known id costs — no Redis read that a known one would not also make.
 */
export async function credentialClient(deps: Deps, clientId: string): Promise<ClientContext | undefined> {
  const now = Date.now();
  const until = unknown.get(clientId);
  if (until !== undefined && until > now) return undefined;
  const context = await clientContext(deps, clientId);
  if (isContext(context)) return context;
  unknown.set(clientId, now + CACHE_MS);
  if (unknown.size > 10_000) unknown.delete(unknown.keys().next().value as string);
  return undefined;
}

/** A client was just created here: it is known from now on, on this replica. */
export function forgetUnknownClient(clientId: string): void {
  unknown.delete(clientId);
}
