import type { GetClientTokenRequest } from "../../gen/identity/v1/m2m.js";
import type { Deps } from "../deps.js";
import { clientCredentialsGrant, type ClientCredentialsOutcome } from "./client-credentials.js";

/** GetClientToken (Cognito's operation): the client-credentials grant over gRPC. */
export function getClientToken(deps: Deps, request: GetClientTokenRequest): Promise<ClientCredentialsOutcome> {
  return clientCredentialsGrant(deps, {
    channel: "GetClientToken",
    clientId: request.clientId,
    secret: request.secret,
    scopes: request.scopes,
    clientMetadata: Object.keys(request.clientMetadata).length > 0 ? request.clientMetadata : undefined,
  });
}
