import type { DescribeUserPoolClientRequest, DescribeUserPoolClientResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { isClient, loadClient } from "./admin-target.js";
import { clientView } from "./client-settings.js";

export type DescribeUserPoolClientOutcome = Outcome<DescribeUserPoolClientResponse>;

/** DescribeUserPoolClient: the client with its secret (admins may read it, as in Cognito). */
export async function describeUserPoolClient(deps: Deps, request: DescribeUserPoolClientRequest): Promise<DescribeUserPoolClientOutcome> {
  const client = await loadClient(deps, request);
  return isClient(client) ? success(clientView(client, true)) : client;
}
