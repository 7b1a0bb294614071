import { QUOTA_CATEGORIES } from "../flows/quotas/categories.js";
import { parseTriggersConfig } from "../triggers/index.js";
import { adminCredentialFrom } from "./admin-credentials.js";

/**
 * The settings a config file may name, object by object, so a typo ("clientID", "setings") stops the
 * start with its path instead of being ignored. Values are checked later by the flows that apply them
 * (pool and client settings, src/triggers/trigger-config.ts for triggers); here: names and JSON types.
 * A new setting in src/config/config-file.ts gets its name here too.
 */
const TOP = ["adminCredentials", "pools", "awsAccessKeys"];
const AWS_ACCESS_KEY = ["accessKeyId", "secretAccessKey", "pools"];
const POOL = ["id", "name", "settings", "triggers", "resourceServers", "clients"];
const RESOURCE_SERVER = ["identifier", "name", "scopes"];
const SCOPE = ["scopeName", "scopeDescription"];
const POOL_SETTINGS = ["usernameAttributes", "aliasAttributes", "autoVerifiedAttributes", "usernameCaseSensitive", "passwordPolicy", "accountRecovery", "requestRateQuotas"];
/** `requestRateQuotas` names Cognito's categories in camelCase (docs/quotas.md). */
const QUOTAS = QUOTA_CATEGORIES.map((c) => c[0]!.toLowerCase() + c.slice(1));
const PASSWORD_POLICY = ["minimumLength", "requireUppercase", "requireLowercase", "requireNumbers", "requireSymbols", "temporaryPasswordValidityDays"];
const CLIENT = [
  "clientId", "name", "secret", "explicitAuthFlows", "preventUserExistenceErrors",
  "accessTokenValiditySeconds", "idTokenValiditySeconds", "refreshTokenValiditySeconds", "authSessionValidityMinutes",
  "allowedOauthFlows", "allowedOauthScopes", "enableTokenRevocation",
];

/** Every problem in a parsed config file, each prefixed with where it is (e.g. `pools[0].clients[1]`). */
export function configFileProblems(value: unknown): string[] {
  const problems: string[] = [];
  const object = (v: unknown, where: string): Record<string, unknown> | undefined => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    problems.push(`${where} must be a JSON object`);
    return undefined;
  };
  const array = (v: unknown, where: string): unknown[] => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    problems.push(`${where} must be a JSON array`);
    return [];
  };
  const known = (o: Record<string, unknown>, allowed: readonly string[], where: string) => {
    for (const key of Object.keys(o)) if (!allowed.includes(key)) problems.push(`${where}: unknown setting ${JSON.stringify(key)} (known: ${allowed.join(", ")})`);
  };
  const text = (v: unknown, where: string) => {
    if (typeof v !== "string" || v === "") problems.push(`${where} must be a non-empty string`);
  };

  const top = object(value, "the config file");
  if (!top) return problems;
  known(top, TOP, "the config file");
  // A bearer-token digest or a certificate identity, each with pools (src/config/admin-credentials.ts).
  array(top.adminCredentials, "adminCredentials").forEach((c, i) => {
    try {
      adminCredentialFrom(c, `adminCredentials[${i}]`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  array(top.awsAccessKeys, "awsAccessKeys").forEach((k, i) => {
    const where = `awsAccessKeys[${i}]`;
    const key = object(k, where);
    if (!key) return;
    known(key, AWS_ACCESS_KEY, where);
    if (typeof key.accessKeyId !== "string" || !/^[A-Z0-9]{16,128}$/.test(key.accessKeyId)) problems.push(`${where}.accessKeyId must be 16-128 uppercase letters and digits`);
    if (typeof key.secretAccessKey !== "string" || key.secretAccessKey.length < 16) problems.push(`${where}.secretAccessKey must be a string of at least 16 characters`);
    if (key.pools !== undefined && key.pools !== "*") array(key.pools, `${where}.pools`).forEach((p, j) => text(p, `${where}.pools[${j}]`));
  });
  array(top.pools, "pools").forEach((p, i) => {
    const where = `pools[${i}]`;
    const pool = object(p, where);
    if (!pool) return;
    known(pool, POOL, where);
    text(pool.id, `${where}.id`);
    text(pool.name, `${where}.name`);
    if (pool.settings !== undefined) {
      const settings = object(pool.settings, `${where}.settings`);
      if (settings) {
        known(settings, POOL_SETTINGS, `${where}.settings`);
        if (settings.passwordPolicy !== undefined) {
          const policy = object(settings.passwordPolicy, `${where}.settings.passwordPolicy`);
          if (policy) known(policy, PASSWORD_POLICY, `${where}.settings.passwordPolicy`);
        }
        if (settings.requestRateQuotas !== undefined) {
          const quotas = object(settings.requestRateQuotas, `${where}.settings.requestRateQuotas`);
          if (quotas) known(quotas, QUOTAS, `${where}.settings.requestRateQuotas`);
        }
      }
    }
    if (pool.triggers !== undefined) {
      try {
        parseTriggersConfig(pool.triggers, `${where}.triggers`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    array(pool.resourceServers, `${where}.resourceServers`).forEach((r, j) => {
      const serverWhere = `${where}.resourceServers[${j}]`;
      const server = object(r, serverWhere);
      if (!server) return;
      known(server, RESOURCE_SERVER, serverWhere);
      text(server.identifier, `${serverWhere}.identifier`);
      text(server.name, `${serverWhere}.name`);
      array(server.scopes, `${serverWhere}.scopes`).forEach((s, k) => {
        const scope = object(s, `${serverWhere}.scopes[${k}]`);
        if (scope) known(scope, SCOPE, `${serverWhere}.scopes[${k}]`);
      });
    });
    array(pool.clients, `${where}.clients`).forEach((c, j) => {
      const clientWhere = `${where}.clients[${j}]`;
      const client = object(c, clientWhere);
      if (!client) return;
      known(client, CLIENT, clientWhere);
      text(client.clientId, `${clientWhere}.clientId`);
      text(client.name, `${clientWhere}.name`);
    });
  });
  return problems;
}
