import type { ForgotPasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { CodePurpose } from "../../store/codes.js";
import type { PoolRecord } from "../../store/records.js";
import { isContext } from "../client-context.js";
import { deliverCode } from "../codes.js";
import type { DeliveryEvent } from "../delivery/code-sender.js";
import type { Destination } from "../delivery/destinations.js";
import { simulateDelivery } from "../delivery/simulated-delivery.js";
import { answeredDestination } from "../delivery/simulated-destination.js";
import type { Deps } from "../deps.js";
import { overHourlyLimit, type LimitedOperation } from "../limits.js";
import { success, type Failure, type InvalidParameter, type Outcome } from "../outcome.js";
import { migrateUser } from "../user-migration.js";
import { policyOf, type ExistencePolicy } from "../existence/policy.js";
import { resolveSubject, type Subject } from "../existence/subject.js";
import { openNamedRequest, type NamedRequest } from "./named-request.js";

type CodePlan = { readonly kind: "send"; readonly destination: Destination } | { readonly kind: "simulate" } | { readonly kind: "refuse"; readonly failure: Failure | InvalidParameter };

/** What distinguishes ForgotPassword from ResendConfirmationCode. */
export interface CodeRequestKind {
  readonly operation: LimitedOperation;
  readonly purpose: CodePurpose;
  readonly event: DeliveryEvent;
  readonly plan: (policy: ExistencePolicy, pool: PoolRecord, named: Subject, input: string) => CodePlan;
  /** ForgotPassword offers unknown names to the UserMigration hook first. */
  readonly migrates: boolean;
}

/** Both operations answer with CodeDeliveryDetails or one of the same error arms. */
export type CodeRequestOutcome = Outcome<ForgotPasswordResponse>;

/**
 * A request for a code (ForgotPassword, ResendConfirmationCode): a real code to the user's
 * destination, or — where the mode hides the user — a simulated delivery after the same work: one
 * lookup, one hourly-limit count (before any hook, so unknown names cannot call it without limit),
 * one code written (to the name's phantom slot, docs/cognito.md §6.3). The real send happens after the response
 * has left (deliverLater), so the real answer is not slower.
 */
export async function answerCodeRequest(deps: Deps, request: NamedRequest, kind: CodeRequestKind): Promise<CodeRequestOutcome> {
  const context = await openNamedRequest(deps, request);
  if (!isContext(context)) return context;
  const { pool, client } = context;
  const found = await resolveSubject(deps, pool, request.username);
  const limited = await overHourlyLimit(deps, pool.id, kind.operation, found.counterKey);
  if (limited) return limited;
  const named = kind.migrates
    ? await migrateUser(deps, context, found, request.username, { source: "UserMigration_ForgotPassword", clientMetadata: request.clientMetadata })
    : found;
  if ("$case" in named) return named;
  const plan = kind.plan(policyOf(client), pool, named, request.username);
  if (plan.kind === "refuse") return plan.failure as CodeRequestOutcome;
  // Worked out for every name, used only for a simulated answer: the branch taken costs no more.
  // A real user's simulated answer names the user's own contact, as its real deliveries do (docs/existence.md §5).
  const shown = answeredDestination(deps, pool, named, kind.purpose, request.username);
  const origin = { clientId: client.clientId, clientMetadata: request.clientMetadata };
  const codeDeliveryDetails = plan.kind === "send" && named.user
    ? await deliverCode(deps, pool, named.user, plan.destination, { purpose: kind.purpose, event: kind.event, origin })
    : await simulateDelivery(deps, pool, named, shown, kind);
  return success({ codeDeliveryDetails });
}
