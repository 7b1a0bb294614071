import type { ConfigFile } from "../config/config-file.js";
import type { AccessKey } from "./sigv4.js";

/**
 * The access keys of the AWS JSON endpoint, from the config file's `awsAccessKeys`: SigV4 is an
 * HMAC, so the server needs each secret itself (keep the config file private). Each key manages
 * the pools listed ("*" or absent: all), like an admin bearer credential.
 */
export function accessKeysFrom(file: ConfigFile | undefined): AccessKey[] {
  const keys = (file?.awsAccessKeys ?? []).map((k) => ({ accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey, pools: k.pools ?? ("*" as const) }));
  for (const key of keys) {
    if (!/^[A-Z0-9]{16,128}$/.test(key.accessKeyId)) throw new Error("awsAccessKeys: accessKeyId must be 16-128 uppercase letters and digits");
    if (typeof key.secretAccessKey !== "string" || key.secretAccessKey.length < 16) throw new Error(`awsAccessKeys: the secret of ${key.accessKeyId} must be at least 16 characters`);
  }
  if (new Set(keys.map((k) => k.accessKeyId)).size !== keys.length) throw new Error("awsAccessKeys: access key ids must be unique");
  return keys;
}
