import { RecoveryMechanism as WireRecovery, type UserPool, type UserPoolSettings } from "../../gen/identity/v1/common.js";
import type { AliasAttribute, PasswordPolicy, PoolRecord, RecoveryMechanism, UsernameAttribute, VerifiableAttribute } from "../../store/records.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";
import { quotasFrom, quotasView } from "../quotas/pool-quotas.js";

/** Cognito's default password policy. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7,
};

const RECOVERY: Record<number, RecoveryMechanism> = {
  [WireRecovery.RECOVERY_MECHANISM_VERIFIED_EMAIL]: "verified_email",
  [WireRecovery.RECOVERY_MECHANISM_VERIFIED_PHONE_NUMBER]: "verified_phone_number",
  [WireRecovery.RECOVERY_MECHANISM_ADMIN_ONLY]: "admin_only",
};

export type PoolSettings = Pick<PoolRecord, "usernameAttributes" | "aliasAttributes" | "autoVerifiedAttributes" | "caseSensitive" | "passwordPolicy" | "accountRecovery" | "requestRateQuotas">;

/** Reads and validates the wire settings; every value is checked, defaults filled in. */
export function poolSettingsFrom(wire: UserPoolSettings | undefined): PoolSettings | InvalidParameter {
  const s = wire ?? { usernameAttributes: [], aliasAttributes: [], autoVerifiedAttributes: [], usernameCaseSensitive: false, accountRecovery: [] };
  const usernameAttributes = subset<UsernameAttribute>(s.usernameAttributes, ["email", "phone_number"]);
  const aliasAttributes = subset<AliasAttribute>(s.aliasAttributes, ["email", "phone_number", "preferred_username"]);
  const autoVerifiedAttributes = subset<VerifiableAttribute>(s.autoVerifiedAttributes, ["email", "phone_number"]);
  if (!usernameAttributes) return invalidParameter("settings.username_attributes", "username_attributes may contain email and phone_number");
  if (!aliasAttributes) return invalidParameter("settings.alias_attributes", "alias_attributes may contain email, phone_number and preferred_username");
  if (!autoVerifiedAttributes) return invalidParameter("settings.auto_verified_attributes", "auto_verified_attributes may contain email and phone_number");
  if (usernameAttributes.length > 0 && aliasAttributes.length > 0) return invalidParameter("settings.alias_attributes", "Only one of alias_attributes or username_attributes can be set in a User Pool.");
  const passwordPolicy = policyFrom(s.passwordPolicy);
  if ("$case" in passwordPolicy) return passwordPolicy;
  const accountRecovery = recoveryFrom(s.accountRecovery);
  if (!Array.isArray(accountRecovery)) return accountRecovery as InvalidParameter;
  const requestRateQuotas = quotasFrom(s.requestRateQuotas);
  if ("$case" in requestRateQuotas) return requestRateQuotas;
  return { usernameAttributes, aliasAttributes, autoVerifiedAttributes, caseSensitive: s.usernameCaseSensitive, passwordPolicy, accountRecovery, requestRateQuotas };
}

function subset<T extends string>(values: readonly string[], allowed: readonly T[]): T[] | undefined {
  if (values.length > allowed.length || values.some((v) => !allowed.includes(v as T))) return undefined;
  return [...new Set(values as T[])];
}

function policyFrom(wire: UserPoolSettings["passwordPolicy"]): PasswordPolicy | InvalidParameter {
  if (!wire) return DEFAULT_PASSWORD_POLICY;
  const minimumLength = wire.minimumLength === 0 ? 8 : wire.minimumLength;
  const temporaryPasswordValidityDays = wire.temporaryPasswordValidityDays === 0 ? 7 : wire.temporaryPasswordValidityDays;
  if (minimumLength < 6 || minimumLength > 99) return invalidParameter("settings.password_policy.minimum_length", "minimum_length must be 6-99");
  if (temporaryPasswordValidityDays < 1 || temporaryPasswordValidityDays > 365) return invalidParameter("settings.password_policy.temporary_password_validity_days", "temporary_password_validity_days must be 1-365");
  return { minimumLength, temporaryPasswordValidityDays, requireUppercase: wire.requireUppercase, requireLowercase: wire.requireLowercase, requireNumbers: wire.requireNumbers, requireSymbols: wire.requireSymbols };
}

function recoveryFrom(values: readonly WireRecovery[]): RecoveryMechanism[] | InvalidParameter {
  if (values.length === 0) return ["verified_phone_number", "verified_email"];
  const mechanisms = values.map((v) => RECOVERY[v]);
  if (mechanisms.some((m) => m === undefined) || new Set(mechanisms).size !== mechanisms.length || mechanisms.length > 2) {
    return invalidParameter("settings.account_recovery", "account_recovery takes up to two distinct mechanisms");
  }
  if (mechanisms.includes("admin_only") && mechanisms.length > 1) return invalidParameter("settings.account_recovery", "admin_only cannot be combined with other mechanisms");
  return mechanisms as RecoveryMechanism[];
}

/** A pool as the contract shows it. */
export function poolView(pool: PoolRecord): UserPool {
  const wireRecovery = Object.fromEntries(Object.entries(RECOVERY).map(([k, v]) => [v, Number(k) as WireRecovery]));
  return {
    id: pool.id,
    name: pool.name,
    settings: {
      usernameAttributes: [...pool.usernameAttributes],
      aliasAttributes: [...pool.aliasAttributes],
      autoVerifiedAttributes: [...pool.autoVerifiedAttributes],
      usernameCaseSensitive: pool.caseSensitive,
      passwordPolicy: { ...pool.passwordPolicy },
      accountRecovery: pool.accountRecovery.map((m) => wireRecovery[m]!),
      requestRateQuotas: quotasView(pool.requestRateQuotas),
    },
    creationDate: new Date(pool.createdAt),
    lastModifiedDate: new Date(pool.updatedAt),
  };
}
