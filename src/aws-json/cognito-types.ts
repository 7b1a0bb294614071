// The structures several operations share, between Cognito's JSON shapes (API reference, "Data
// Types") and the contract's messages (proto/identity/v1/common.proto).
import {
  AuthFlow, ChallengeName, DeliveryMedium, ExplicitAuthFlow, MessageAction, OauthFlow, PreventUserExistenceErrors, RecoveryMechanism, UserStatus,
  type AuthenticationResult, type Challenge, type CodeDeliveryDetails, type UserPool, type UserPoolClient, type UserPoolClientSettings,
  type UserPoolSettings, type UserType,
} from "../gen/identity/v1/common.js";
import { attributesOut, compact, enumName, epochSeconds, invalidParameterFor, type Json, type Members } from "./shapes.js";

export const enums = {
  authFlow: [AuthFlow, "AUTH_FLOW_"],
  challengeName: [ChallengeName, "CHALLENGE_NAME_"],
  deliveryMedium: [DeliveryMedium, "DELIVERY_MEDIUM_"],
  explicitAuthFlow: [ExplicitAuthFlow, "EXPLICIT_AUTH_FLOW_"],
  existenceMode: [PreventUserExistenceErrors, "PREVENT_USER_EXISTENCE_ERRORS_"],
  messageAction: [MessageAction, "MESSAGE_ACTION_"],
  userStatus: [UserStatus, "USER_STATUS_"],
} as const;

export function deliveryOut(d: CodeDeliveryDetails | undefined): Json | undefined {
  if (!d) return undefined;
  return compact({ Destination: d.destination, DeliveryMedium: enumName(DeliveryMedium, "DELIVERY_MEDIUM_", d.deliveryMedium), AttributeName: d.attributeName });
}

export function authenticationResultOut(r: AuthenticationResult): Json {
  return {
    AuthenticationResult: compact({ AccessToken: r.accessToken, ExpiresIn: r.expiresIn, TokenType: r.tokenType, RefreshToken: r.refreshToken, IdToken: r.idToken }),
    ChallengeParameters: {},
  };
}

export function challengeOut(c: Challenge): Json {
  return compact({ ChallengeName: enumName(ChallengeName, "CHALLENGE_NAME_", c.challengeName), Session: c.session, ChallengeParameters: c.challengeParameters });
}

/** UserType; `attributesMember` is "Attributes" in lists and "UserAttributes" in AdminGetUser. */
export function userOut(u: UserType, attributesMember = "Attributes"): Json {
  return compact({
    Username: u.username,
    [attributesMember]: attributesOut(u.attributes),
    UserCreateDate: epochSeconds(u.userCreateDate),
    UserLastModifiedDate: epochSeconds(u.userLastModifiedDate),
    Enabled: u.enabled,
    UserStatus: enumName(UserStatus, "USER_STATUS_", u.userStatus),
  });
}

// --- user pools -------------------------------------------------------------------------------

/**
 * The pool members Cognito's CreateUserPool / UpdateUserPool take that the contract knows:
 * Policies.PasswordPolicy, UsernameAttributes, AliasAttributes, AutoVerifiedAttributes,
 * UsernameConfiguration.CaseSensitive, AccountRecoverySetting (ordered by Priority).
 */
export function poolSettingsIn(m: Members): UserPoolSettings {
  const policy = m.structure("Policies")?.structure("PasswordPolicy");
  const recovery = (m.structure("AccountRecoverySetting")?.structures("RecoveryMechanisms") ?? [])
    .map((r) => ({ priority: r.int("Priority"), name: r.str("Name") }))
    .sort((a, b) => a.priority - b.priority)
    .map((r) => {
      const value = RecoveryMechanism[`RECOVERY_MECHANISM_${r.name.toUpperCase()}` as keyof typeof RecoveryMechanism];
      if (typeof value !== "number" || value <= 0 || r.name !== r.name.toLowerCase()) throw invalidParameterFor("AccountRecoverySetting.RecoveryMechanisms.Name", r.name, ["verified_email", "verified_phone_number", "admin_only"]);
      return value;
    });
  return {
    usernameAttributes: m.strings("UsernameAttributes"),
    aliasAttributes: m.strings("AliasAttributes"),
    autoVerifiedAttributes: m.strings("AutoVerifiedAttributes"),
    usernameCaseSensitive: m.structure("UsernameConfiguration")?.bool("CaseSensitive") ?? false,
    passwordPolicy: policy && {
      minimumLength: policy.int("MinimumLength"),
      requireUppercase: policy.bool("RequireUppercase"),
      requireLowercase: policy.bool("RequireLowercase"),
      requireNumbers: policy.bool("RequireNumbers"),
      requireSymbols: policy.bool("RequireSymbols"),
      temporaryPasswordValidityDays: policy.int("TemporaryPasswordValidityDays"),
    },
    accountRecovery: recovery,
  };
}

export function poolOut(p: UserPool, region: string): Json {
  const s = p.settings;
  return compact({
    Id: p.id,
    Name: p.name,
    Arn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${p.id}`,
    Status: "Enabled",
    CreationDate: epochSeconds(p.creationDate),
    LastModifiedDate: epochSeconds(p.lastModifiedDate),
    MfaConfiguration: "OFF",
    Policies: s?.passwordPolicy && {
      PasswordPolicy: {
        MinimumLength: s.passwordPolicy.minimumLength,
        RequireUppercase: s.passwordPolicy.requireUppercase,
        RequireLowercase: s.passwordPolicy.requireLowercase,
        RequireNumbers: s.passwordPolicy.requireNumbers,
        RequireSymbols: s.passwordPolicy.requireSymbols,
        TemporaryPasswordValidityDays: s.passwordPolicy.temporaryPasswordValidityDays,
      },
    },
    UsernameAttributes: s && s.usernameAttributes.length > 0 ? s.usernameAttributes : undefined,
    AliasAttributes: s && s.aliasAttributes.length > 0 ? s.aliasAttributes : undefined,
    AutoVerifiedAttributes: s && s.autoVerifiedAttributes.length > 0 ? s.autoVerifiedAttributes : undefined,
    UsernameConfiguration: s && { CaseSensitive: s.usernameCaseSensitive },
    AccountRecoverySetting: s && {
      RecoveryMechanisms: s.accountRecovery.map((r, i) => ({ Priority: i + 1, Name: RecoveryMechanism[r]?.replace(/^RECOVERY_MECHANISM_/, "").toLowerCase() })),
    },
  });
}

export function poolDescriptionOut(p: UserPool): Json {
  return compact({ Id: p.id, Name: p.name, Status: "Enabled", CreationDate: epochSeconds(p.creationDate), LastModifiedDate: epochSeconds(p.lastModifiedDate) });
}

// --- app clients ------------------------------------------------------------------------------

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/**
 * Token validities: Cognito counts AccessTokenValidity and IdTokenValidity in hours and
 * RefreshTokenValidity in days unless TokenValidityUnits says otherwise; the contract in seconds.
 */
export function clientSettingsIn(m: Members): UserPoolClientSettings {
  const units = m.structure("TokenValidityUnits");
  const seconds = (member: string, unitMember: string, defaultUnit: string) => {
    if (!m.has(member)) return 0;
    const unit = units?.has(unitMember) ? units.str(unitMember) : defaultUnit;
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined) throw invalidParameterFor(`TokenValidityUnits.${unitMember}`, unit, Object.keys(UNIT_SECONDS));
    return m.int(member) * factor;
  };
  return {
    explicitAuthFlows: m.enums("ExplicitAuthFlows", ...enums.explicitAuthFlow),
    preventUserExistenceErrors: m.enumOf("PreventUserExistenceErrors", ...enums.existenceMode),
    accessTokenValiditySeconds: seconds("AccessTokenValidity", "AccessToken", "hours"),
    idTokenValiditySeconds: seconds("IdTokenValidity", "IdToken", "hours"),
    refreshTokenValiditySeconds: seconds("RefreshTokenValidity", "RefreshToken", "days"),
    authSessionValidityMinutes: m.int("AuthSessionValidity"),
    // Cognito writes OAuth flows in lowercase (client_credentials); the contract's enum in capitals.
    allowedOauthFlows: m.strings("AllowedOAuthFlows").map((flow) => {
      const value = OauthFlow[`OAUTH_FLOW_${flow.toUpperCase()}` as keyof typeof OauthFlow];
      if (typeof value !== "number" || value <= 0 || flow !== flow.toLowerCase()) throw invalidParameterFor("AllowedOAuthFlows", flow, ["client_credentials"]);
      return value;
    }),
    allowedOauthScopes: m.strings("AllowedOAuthScopes"),
  };
}

export function clientOut(c: UserPoolClient): Json {
  const s = c.settings;
  return compact({
    UserPoolId: c.userPoolId,
    ClientName: c.clientName,
    ClientId: c.clientId,
    ClientSecret: c.clientSecret,
    CreationDate: epochSeconds(c.creationDate),
    LastModifiedDate: epochSeconds(c.lastModifiedDate),
    ExplicitAuthFlows: s?.explicitAuthFlows.map((f) => enumName(ExplicitAuthFlow, "EXPLICIT_AUTH_FLOW_", f)),
    PreventUserExistenceErrors: s && enumName(PreventUserExistenceErrors, "PREVENT_USER_EXISTENCE_ERRORS_", s.preventUserExistenceErrors),
    AccessTokenValidity: s?.accessTokenValiditySeconds,
    IdTokenValidity: s?.idTokenValiditySeconds,
    RefreshTokenValidity: s?.refreshTokenValiditySeconds,
    TokenValidityUnits: s && { AccessToken: "seconds", IdToken: "seconds", RefreshToken: "seconds" },
    AuthSessionValidity: s?.authSessionValidityMinutes,
    AllowedOAuthFlows: s && s.allowedOauthFlows.length > 0 ? s.allowedOauthFlows.map((f) => enumName(OauthFlow, "OAUTH_FLOW_", f)?.toLowerCase()) : undefined,
    AllowedOAuthScopes: s && s.allowedOauthScopes.length > 0 ? s.allowedOauthScopes : undefined,
    AllowedOAuthFlowsUserPoolClient: s ? s.allowedOauthFlows.length > 0 : undefined,
    EnableTokenRevocation: true,
  });
}

export function clientDescriptionOut(c: UserPoolClient): Json {
  return compact({ ClientId: c.clientId, UserPoolId: c.userPoolId, ClientName: c.clientName });
}
