import type { AttributeType } from "../../gen/identity/v1/common.js";
import { messages } from "../messages.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";
import { looksLikeEmail, looksLikePhone } from "../usernames.js";
import { attributeList } from "../validation.js";

/** Attributes only the service sets: sub and Cognito's `cognito:` names. */
export function isSystemAttribute(name: string): boolean {
  return name === "sub" || name.startsWith("cognito:");
}

/**
 * What an administrator may write (AdminCreateUser, AdminUpdateUserAttributes, ImportUsers): the
 * list limits, no system attribute, well-formed email and phone_number (E.164), and verification
 * flags that are "true" or "false" — flags decide sign-in aliases, so a typo must not pass.
 */
export function adminAttributesProblem(field: string, attributes: readonly AttributeType[]): InvalidParameter | undefined {
  const bounds = attributeList(field, attributes);
  if (bounds) return bounds;
  for (const { name, value } of attributes) {
    if (isSystemAttribute(name)) return invalidParameter(field, messages.nonMutableAttribute(name));
    if (name === "email" && !looksLikeEmail(value)) return invalidParameter(field, messages.invalidEmail);
    if (name === "phone_number" && !looksLikePhone(value)) return invalidParameter(field, messages.invalidPhone);
    if (name.endsWith("_verified") && value !== "true" && value !== "false") return invalidParameter(field, `${name} must be "true" or "false"`);
  }
  return undefined;
}

/** A verification flag set to "true" needs the attribute it vouches for. */
export function verifiedWithoutValue(field: string, attributes: Readonly<Record<string, string>>): InvalidParameter | undefined {
  for (const attribute of ["email", "phone_number"]) {
    if (attributes[`${attribute}_verified`] === "true" && (attributes[attribute] ?? "") === "") return invalidParameter(field, `${attribute}_verified is true but ${attribute} is not set`);
  }
  return undefined;
}
