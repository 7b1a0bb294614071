// The AWS JSON endpoint under test: the real service with AWS_JSON_ADDR on a free loopback port,
// access keys in its config, and raw HTTP for what the SDKs never send (malformed bodies, unsigned
// admin calls, tampered signatures).
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { ConfigFile } from "../../src/config/config-file.js";
import { POOL, startTestApp, TEST_CONFIG, type TestApp } from "./test-app.js";

export const TARGET = "AWSCognitoIdentityProviderService";
export const ADMIN_KEY = { accessKeyId: "AKIATESTADMIN0000001", secretAccessKey: "test-admin-secret-key-0123456789abcdef" } as const;
export const POOL_KEY = { accessKeyId: "AKIATESTPOOLONLY0001", secretAccessKey: "test-pool-secret-key-0123456789abcdef" } as const;

export const AWS_JSON_CONFIG: ConfigFile = {
  ...TEST_CONFIG,
  awsAccessKeys: [
    { ...ADMIN_KEY, pools: "*" },
    { ...POOL_KEY, pools: [POOL] },
  ],
};

export interface AwsJsonApp {
  readonly t: TestApp;
  readonly endpoint: string;
}

/**
 * The service with its AWS JSON endpoint on. Its clock starts at the wall clock's now: the SDKs
 * sign with the real time, which must fall within SigV4's 15 minutes of the service's clock.
 */
export async function startAwsJsonApp(config: ConfigFile = AWS_JSON_CONFIG): Promise<AwsJsonApp> {
  const t = await startTestApp({ config, overrides: { awsJson: { host: "127.0.0.1", port: 0 } } });
  t.clock.nowMs = Date.now();
  return { t, endpoint: `http://127.0.0.1:${t.app.awsJsonPort}` };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/** One POST as given (no signature unless `headers` carries one). */
export async function rawPost(endpoint: string, operation: string | undefined, body: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const response = await fetch(`${endpoint}/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", ...(operation ? { "x-amz-target": `${TARGET}.${operation}` } : {}), ...headers },
    body,
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), text, json };
}

/**
 * A request signed by the Smithy SigV4 signer the AWS SDK for JavaScript uses, at `signingDate`;
 * `tamper` changes it after signing.
 */
export async function signedPost(
  endpoint: string,
  operation: string,
  input: object,
  options: { key?: { accessKeyId: string; secretAccessKey: string }; signingDate?: Date; region?: string; unsigned?: string[]; tamper?: (r: { headers: Record<string, string>; body: string }) => void } = {},
): Promise<RawAnswer> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials: options.key ?? ADMIN_KEY, region: options.region ?? "us-east-1", service: "cognito-idp", sha256: Sha256 });
  const request = {
    method: "POST", protocol: "http:", hostname: url.hostname, port: Number(url.port), path: "/", query: {},
    headers: { host: url.host, "content-type": "application/x-amz-json-1.1", "x-amz-target": `${TARGET}.${operation}` } as Record<string, string>,
    body: JSON.stringify(input),
  };
  const signed = await signer.sign(request, { signingDate: options.signingDate ?? new Date(), unsignableHeaders: new Set(options.unsigned ?? []) });
  const out = { headers: { ...(signed.headers as Record<string, string>) }, body: String(signed.body) };
  options.tamper?.(out);
  const { host: _host, ...headers } = out.headers;
  return rawPost(endpoint, undefined, out.body, headers);
}
