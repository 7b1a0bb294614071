// Shared test inputs: a PreSignUp event built the way a flow builds it, and fixture paths.
import { fileURLToPath } from "node:url";
import { triggerEvent } from "../../../src/triggers/event-builder.js";
import type { PreSignUpTriggerEvent, StringMap } from "../../../src/triggers/events.js";

export const POOL_ID = "eu-west-1_Abc123";

/** The directory holding the .mjs/.cjs hook fixtures. */
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/triggers/", import.meta.url));

export function fixture(file: string): string {
  return fileURLToPath(new URL(file, new URL("../../fixtures/triggers/", import.meta.url)));
}

export function preSignUpEvent(clientMetadata: StringMap = {}, email = "jane@example.com"): PreSignUpTriggerEvent {
  return triggerEvent(
    "PreSignUp",
    { triggerSource: "PreSignUp_SignUp", userPoolId: POOL_ID, userName: "jane", clientId: "client-1" },
    { userAttributes: { email }, validationData: null, clientMetadata },
  );
}
