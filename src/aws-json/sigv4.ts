import { createHash, createHmac } from "node:crypto";
import { constantTimeEqual } from "../crypto/digest.js";
import { AwsError } from "./errors.js";

/**
 * AWS Signature Version 4 verification of a request's Authorization header (AWS General Reference,
 * "Signature Version 4 signing process"; "Create a canonical request"): the server rebuilds the
 * canonical request from what it received — the body hashed here, never the client's
 * x-amz-content-sha256 — and compares signatures in constant time. SigV4 has no nonce: what bounds
 * replay is the request time, which must be within 15 minutes of the server's clock, as AWS
 * enforces; the operation (X-Amz-Target) must be signed too, so a captured request cannot be
 * replayed as another operation.
 */

/** An access key a caller signs with, and the user pools it may manage ("*": all). */
export interface AccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly pools: readonly string[] | "*";
}

export interface ReceivedRequest {
  readonly method: string;
  /** The request target as received (path and query). */
  readonly url: string;
  /** Node's rawHeaders: name, value, name, value, ... in arrival order. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export interface Expectation {
  readonly region: string;
  readonly service: string;
  readonly nowMs: number;
  /** Headers that must be among the signed ones (besides host and x-amz-date). */
  readonly mustSign: readonly string[];
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const SKEW_MS = 15 * 60_000;
/** Stands in for an unknown key's secret, so an unknown key id costs the same work as a known one. */
const UNKNOWN_KEY_SECRET = "unknown-access-key-secret-0000000000000000";

const missingToken = () => new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token");
const incomplete = (message: string) => new AwsError("IncompleteSignatureException", message);
const invalidSignature = (message: string) => new AwsError("InvalidSignatureException", message);
const MISMATCH = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** The key that signed the request, or the error Cognito answers with. */
export function verifySignature(request: ReceivedRequest, keys: readonly AccessKey[], expect: Expectation): AccessKey | AwsError {
  const headers = headerValues(request.rawHeaders);
  const authorization = headers.get("authorization");
  if (!authorization) return missingToken();
  const parsed = parseAuthorization(authorization.join(","));
  if (parsed instanceof AwsError) return parsed;
  const amzDate = headers.get("x-amz-date")?.[0];
  if (!amzDate) return incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  const requestMs = parseAmzDate(amzDate);
  if (requestMs === undefined) return incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate.slice(0, 32)}'.`);
  const [keyId, date, region, service, terminator] = parsed.credential;
  if (date !== amzDate.slice(0, 8)) return invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
  if (region !== expect.region) return invalidSignature(`Credential should be scoped to a valid region, not '${region}'.`);
  if (service !== expect.service) return invalidSignature(`Credential should be scoped to correct service: '${expect.service}'.`);
  if (terminator !== "aws4_request") return invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request'.");
  for (const name of ["host", "x-amz-date", ...expect.mustSign]) {
    if (!parsed.signedHeaders.includes(name)) return invalidSignature(`'${name}' must be a 'SignedHeader' in the AWS Authorization.`);
  }
  if (parsed.signedHeaders.some((name) => !headers.has(name))) return invalidSignature(MISMATCH);
  const skew = skewProblem(amzDate, requestMs, expect.nowMs);
  if (skew) return skew;
  const key = keys.find((k) => k.accessKeyId === keyId);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest(request, headers, parsed.signedHeaders))].join("\n");
  const expected = signature(key?.secretAccessKey ?? UNKNOWN_KEY_SECRET, date!, region!, service!, stringToSign);
  const matches = constantTimeEqual(expected, parsed.signature);
  if (!key) return new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.");
  return matches ? key : invalidSignature(MISMATCH);
}

/** The hex signature of a string to sign (the HMAC chain of "AWS4" + secret, date, region, service). */
export function signature(secret: string, date: string, region: string, service: string, stringToSign: string): string {
  let key: Buffer = hmac(`AWS4${secret}`, date);
  for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
  return createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
}

/** The canonical request: method, URI, query, headers, signed header names, payload hash. */
export function canonicalRequest(request: ReceivedRequest, headers: Map<string, string[]>, signedHeaders: readonly string[]): string {
  const [path = "/", query = ""] = request.url.split("?", 2);
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(headers.get(name) ?? []).map(normalizeValue).join(",")}\n`).join("");
  return [request.method, canonicalUri(path), canonicalQuery(query), canonicalHeaders, signedHeaders.join(";"), sha256Hex(request.body)].join("\n");
}

/** Header values by lowercase name, in arrival order. */
export function headerValues(rawHeaders: readonly string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), rawHeaders[i + 1]!]);
  }
  return headers;
}

interface Authorization {
  readonly credential: string[];
  readonly signedHeaders: string[];
  readonly signature: string;
}

function parseAuthorization(header: string): Authorization | AwsError {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!match) return incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with the AWS4-HMAC-SHA256 algorithm.");
  const parts = new Map(match[1]!.split(",").map((p) => p.trim().split("=", 2) as [string, string | undefined]));
  const credential = parts.get("Credential")?.split("/") ?? [];
  const signedHeaders = parts.get("SignedHeaders")?.split(";") ?? [];
  const sig = parts.get("Signature") ?? "";
  if (credential.length !== 5 || signedHeaders.length === 0 || signedHeaders.length > 64 || !/^[0-9a-f]{64}$/.test(sig)) {
    return incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with the AWS4-HMAC-SHA256 algorithm.");
  }
  return { credential, signedHeaders, signature: sig };
}

function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isFinite(ms) ? ms : undefined;
}

function skewProblem(amzDate: string, requestMs: number, nowMs: number): AwsError | undefined {
  const now = amzFormat(nowMs);
  if (requestMs < nowMs - SKEW_MS) return invalidSignature(`Signature expired: ${amzDate} is now earlier than ${amzFormat(nowMs - SKEW_MS)} (${now} - 15 min.)`);
  if (requestMs > nowMs + SKEW_MS) return invalidSignature(`Signature not yet current: ${amzDate} is still later than ${amzFormat(nowMs + SKEW_MS)} (${now} + 15 min.)`);
  return undefined;
}

function amzFormat(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Trimmed, with runs of spaces collapsed (outside quotes, as the SDKs do it too: everywhere). */
function normalizeValue(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

/** Each path segment URI-encoded (RFC 3986 unreserved kept), twice as every service but S3 does. */
function canonicalUri(path: string): string {
  const segments = path.split("/").map((s) => uriEncode(uriEncode(safeDecode(s))));
  return segments.join("/") || "/";
}

function canonicalQuery(query: string): string {
  if (query === "") return "";
  return query.split("&").filter(Boolean)
    .map((pair) => pair.split("=", 2).map((p) => uriEncode(safeDecode(p ?? ""))) as [string, string | undefined])
    .map(([k, v]) => [k, v ?? ""] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, "%20"));
  } catch {
    return text;
  }
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
