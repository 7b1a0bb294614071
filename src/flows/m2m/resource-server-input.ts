import type { ResourceServer, ResourceServerScope } from "../../gen/identity/v1/m2m.js";
import type { ResourceServerRecord } from "../../store/resource-servers.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";
import { firstProblem, pattern, required } from "../validation.js";

/** Cognito's ResourceServerIdentifierType, ResourceServerNameType and ResourceServerScopeType. */
const IDENTIFIER = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const NAME = /^[\w\s+=,.@-]+$/;
const SCOPE_NAME = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/;
const MAX_SCOPES = 100;
const MAX_LENGTH = 256;

export function identifierProblem(value: string): InvalidParameter | undefined {
  return required("identifier", value, MAX_LENGTH) ?? pattern("identifier", value, IDENTIFIER, "[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
}

/** Name and scopes of a create or update request, checked against Cognito's constraints. */
export function resourceServerFrom(identifier: string, name: string, scopes: readonly ResourceServerScope[]): ResourceServerRecord | InvalidParameter {
  const problem = firstProblem(identifierProblem(identifier), required("name", name, MAX_LENGTH) ?? pattern("name", name, NAME, "[\\w\\s+=,.@-]+"));
  if (problem) return problem;
  if (scopes.length > MAX_SCOPES) return invalidParameter("scopes", `1 validation error detected: Value at 'scopes' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SCOPES}`);
  for (const scope of scopes) {
    const bad = firstProblem(
      required("scopes.scope_name", scope.scopeName, MAX_LENGTH) ?? pattern("scopes.scope_name", scope.scopeName, SCOPE_NAME, "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+"),
      required("scopes.scope_description", scope.scopeDescription, MAX_LENGTH),
    );
    if (bad) return bad;
  }
  const names = scopes.map((s) => s.scopeName);
  if (new Set(names).size !== names.length) return invalidParameter("scopes", "Scope names must be unique within a resource server.");
  return { identifier, name, scopes: scopes.map((s) => ({ name: s.scopeName, description: s.scopeDescription })) };
}

export function resourceServerView(poolId: string, server: ResourceServerRecord): ResourceServer {
  return {
    userPoolId: poolId,
    identifier: server.identifier,
    name: server.name,
    scopes: server.scopes.map((s) => ({ scopeName: s.name, scopeDescription: s.description })),
  };
}
