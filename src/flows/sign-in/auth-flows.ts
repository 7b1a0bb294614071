import { AuthFlow } from "../../gen/identity/v1/common.js";
import type { ExplicitAuthFlow } from "../../store/records.js";
import { flowAllowed, type ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter } from "../outcome.js";
import type { AuthOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { customAuth } from "./custom-auth.js";
import { passwordAuth } from "./password-auth.js";
import { refreshAuth } from "./refresh.js";
import { srpAuth } from "./srp-auth.js";

type FlowRunner = (deps: Deps, context: ClientContext, request: AuthRequest) => Promise<AuthOutcome>;

interface FlowEntry {
  readonly name: string;
  readonly callers: readonly AuthRequest["caller"][];
  readonly allowedBy: ExplicitAuthFlow;
  readonly run: FlowRunner;
}

const both = ["client", "admin"] as const;

/** Which flows each operation accepts, and which client setting enables them (docs/cognito.md §2.6, §3.2). */
const FLOWS: Partial<Record<AuthFlow, FlowEntry>> = {
  [AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH]: { name: "USER_PASSWORD_AUTH", callers: ["client"], allowedBy: "ALLOW_USER_PASSWORD_AUTH", run: passwordAuth },
  [AuthFlow.AUTH_FLOW_ADMIN_USER_PASSWORD_AUTH]: { name: "ADMIN_USER_PASSWORD_AUTH", callers: ["admin"], allowedBy: "ALLOW_ADMIN_USER_PASSWORD_AUTH", run: passwordAuth },
  [AuthFlow.AUTH_FLOW_ADMIN_NO_SRP_AUTH]: { name: "ADMIN_NO_SRP_AUTH", callers: ["admin"], allowedBy: "ALLOW_ADMIN_USER_PASSWORD_AUTH", run: passwordAuth },
  [AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH]: { name: "REFRESH_TOKEN_AUTH", callers: both, allowedBy: "ALLOW_REFRESH_TOKEN_AUTH", run: (d, c, r) => refreshAuth(d, c, r.parameters) },
  [AuthFlow.AUTH_FLOW_REFRESH_TOKEN]: { name: "REFRESH_TOKEN", callers: both, allowedBy: "ALLOW_REFRESH_TOKEN_AUTH", run: (d, c, r) => refreshAuth(d, c, r.parameters) },
  [AuthFlow.AUTH_FLOW_USER_SRP_AUTH]: { name: "USER_SRP_AUTH", callers: both, allowedBy: "ALLOW_USER_SRP_AUTH", run: srpAuth },
  [AuthFlow.AUTH_FLOW_CUSTOM_AUTH]: { name: "CUSTOM_AUTH", callers: both, allowedBy: "ALLOW_CUSTOM_AUTH", run: customAuth },
};

/**
 * Starts the requested flow after checking that this operation and this client allow it. Cognito's
 * choice-based USER_AUTH is not served: unsupported_operation, decided by the flow name alone.
 */
export function startAuth(deps: Deps, context: ClientContext, flow: AuthFlow, request: AuthRequest): Promise<AuthOutcome> | AuthOutcome {
  if (flow === AuthFlow.AUTH_FLOW_USER_AUTH) return fail("unsupportedOperation", messages.unsupportedFlow("USER_AUTH"));
  const entry = FLOWS[flow];
  if (!entry || !entry.callers.includes(request.caller)) return invalidParameter("auth_flow", "Invalid authentication flow for this operation");
  if (!flowAllowed(context.client, entry.allowedBy)) return invalidParameter("auth_flow", messages.flowNotEnabled(entry.name));
  return entry.run(deps, context, request);
}
