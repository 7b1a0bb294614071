import { ExplicitAuthFlow as WireFlow, OauthFlow as WireOauthFlow, PreventUserExistenceErrors as WireMode, type UserPoolClient, type UserPoolClientSettings } from "../../gen/identity/v1/common.js";
import type { ClientRecord, ExistenceMode, ExplicitAuthFlow, OauthFlow } from "../../store/records.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";
import { oauthSettingsFrom } from "./oauth-settings.js";

const FLOWS: Record<number, ExplicitAuthFlow> = {
  [WireFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH]: "ALLOW_USER_SRP_AUTH",
  [WireFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH]: "ALLOW_USER_PASSWORD_AUTH",
  [WireFlow.EXPLICIT_AUTH_FLOW_ALLOW_ADMIN_USER_PASSWORD_AUTH]: "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  [WireFlow.EXPLICIT_AUTH_FLOW_ALLOW_CUSTOM_AUTH]: "ALLOW_CUSTOM_AUTH",
  [WireFlow.EXPLICIT_AUTH_FLOW_ALLOW_REFRESH_TOKEN_AUTH]: "ALLOW_REFRESH_TOKEN_AUTH",
  [WireFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH]: "ALLOW_CLIENT_TOKEN_AUTH",
};

const OAUTH_FLOWS: Record<number, OauthFlow> = {
  [WireOauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS]: "client_credentials",
};

const MODES: Record<number, ExistenceMode> = {
  [WireMode.PREVENT_USER_EXISTENCE_ERRORS_UNSPECIFIED]: "ENABLED",
  [WireMode.PREVENT_USER_EXISTENCE_ERRORS_LEGACY]: "LEGACY",
  [WireMode.PREVENT_USER_EXISTENCE_ERRORS_ENABLED]: "ENABLED",
  [WireMode.PREVENT_USER_EXISTENCE_ERRORS_STRICT]: "STRICT",
};

/** Cognito's default flows when none are given. */
const DEFAULT_FLOWS: ExplicitAuthFlow[] = ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

export type ClientSettings = Pick<ClientRecord, "explicitAuthFlows" | "existenceMode" | "accessTokenValiditySeconds" | "idTokenValiditySeconds" | "refreshTokenValiditySeconds" | "authSessionValidityMinutes" | "allowedOauthFlows" | "allowedOauthScopes" | "tokenRevocation">;

/** Reads and validates the wire settings (ranges from docs/cognito.md §3.1, §3.8), filling in defaults. */
export function clientSettingsFrom(wire: UserPoolClientSettings | undefined): ClientSettings | InvalidParameter {
  const s = wire ?? { explicitAuthFlows: [], preventUserExistenceErrors: 0, accessTokenValiditySeconds: 0, idTokenValiditySeconds: 0, refreshTokenValiditySeconds: 0, authSessionValidityMinutes: 0, allowedOauthFlows: [], allowedOauthScopes: [] };
  const flows = s.explicitAuthFlows.map((f) => FLOWS[f]);
  if (flows.some((f) => f === undefined) || flows.length > 6) return invalidParameter("settings.explicit_auth_flows", "unknown explicit auth flow");
  const oauthFlows = s.allowedOauthFlows.map((f) => OAUTH_FLOWS[f]);
  if (oauthFlows.some((f) => f === undefined) || oauthFlows.length > 3) return invalidParameter("settings.allowed_oauth_flows", "unknown OAuth flow");
  const oauth = oauthSettingsFrom(flows as ExplicitAuthFlow[], oauthFlows as OauthFlow[], s.allowedOauthScopes);
  if ("$case" in oauth) return oauth;
  const existenceMode = MODES[s.preventUserExistenceErrors];
  if (!existenceMode) return invalidParameter("settings.prevent_user_existence_errors", "unknown PreventUserExistenceErrors value");
  const ranges = [
    within("settings.access_token_validity_seconds", s.accessTokenValiditySeconds, 3600, 300, 86_400),
    within("settings.id_token_validity_seconds", s.idTokenValiditySeconds, 3600, 300, 86_400),
    within("settings.refresh_token_validity_seconds", s.refreshTokenValiditySeconds, 30 * 86_400, 3600, 3650 * 86_400),
    within("settings.auth_session_validity_minutes", s.authSessionValidityMinutes, 3, 3, 15),
  ];
  const bad = ranges.find((r): r is InvalidParameter => typeof r !== "number");
  if (bad) return bad;
  const [access, id, refresh, session] = ranges as number[];
  return {
    explicitAuthFlows: flows.length > 0 ? [...new Set(flows as ExplicitAuthFlow[])] : DEFAULT_FLOWS,
    existenceMode,
    accessTokenValiditySeconds: access!,
    idTokenValiditySeconds: id!,
    refreshTokenValiditySeconds: refresh!,
    authSessionValidityMinutes: session!,
    allowedOauthFlows: oauth.allowedOauthFlows,
    allowedOauthScopes: oauth.allowedOauthScopes,
    tokenRevocation: wire?.enableTokenRevocation ?? true,
  };
}

function within(field: string, value: number, fallback: number, min: number, max: number): number | InvalidParameter {
  if (value === 0) return fallback;
  return value >= min && value <= max ? value : invalidParameter(field, `${field.split(".").pop()} must be ${min}-${max}`);
}

/** A client as the contract shows it; `withSecret` false for listings. */
export function clientView(client: ClientRecord, withSecret: boolean): UserPoolClient {
  const wireFlow = Object.fromEntries(Object.entries(FLOWS).map(([k, v]) => [v, Number(k) as WireFlow]));
  const wireMode = { LEGACY: WireMode.PREVENT_USER_EXISTENCE_ERRORS_LEGACY, ENABLED: WireMode.PREVENT_USER_EXISTENCE_ERRORS_ENABLED, STRICT: WireMode.PREVENT_USER_EXISTENCE_ERRORS_STRICT };
  return {
    userPoolId: client.poolId,
    clientId: client.clientId,
    clientName: client.name,
    clientSecret: withSecret ? (client.secret ?? "") : "",
    settings: {
      explicitAuthFlows: client.explicitAuthFlows.map((f) => wireFlow[f]!),
      preventUserExistenceErrors: wireMode[client.existenceMode],
      accessTokenValiditySeconds: client.accessTokenValiditySeconds,
      idTokenValiditySeconds: client.idTokenValiditySeconds,
      refreshTokenValiditySeconds: client.refreshTokenValiditySeconds,
      authSessionValidityMinutes: client.authSessionValidityMinutes,
      allowedOauthFlows: client.allowedOauthFlows.map(() => WireOauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS),
      allowedOauthScopes: [...client.allowedOauthScopes],
      enableTokenRevocation: client.tokenRevocation !== false,
    },
    creationDate: new Date(client.createdAt),
    lastModifiedDate: new Date(client.updatedAt),
  };
}
