import * as grpc from "@grpc/grpc-js";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { coversPool, type AdminAuthOptions } from "../api/admin-auth.js";
import { adminService } from "../api/admin-service.js";
import { authService } from "../api/auth-service.js";
import { statusError } from "../api/status.js";
import type { UnaryContext } from "../api/unary.js";
import type { Deps } from "../flows/deps.js";
import { AwsError, exceptionOf, internalError, invalidParameter, serializationError, unavailable, unknownOperation } from "./errors.js";
import { awsCallerOf, callHandler, type Answer, type CallerScope } from "./in-process.js";
import { genericOperations } from "./generic.js";
import { OPERATIONS, type Operation, type Translation } from "./operations.js";
import { isObject, Members, type Json } from "./shapes.js";
import { verifySignature, type AccessKey } from "./sigv4.js";

/** The X-Amz-Target prefix of Cognito Identity Provider (its service model's targetPrefix). */
export const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
const SERVICE = "cognito-idp";
/** The largest body read (the gRPC server's receive limit): larger ones are refused unread. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const CONTENT_TYPE = "application/x-amz-json-1.1";

export interface AwsJsonOptions {
  readonly deps: Deps;
  readonly context: UnaryContext;
  /** The access keys SigV4 signatures are checked against. */
  readonly accessKeys: readonly AccessKey[];
}

/** RPCs without an entry in the table are served through the descriptors (generic.ts). */
const GENERIC = genericOperations();

/** The operation an X-Amz-Target names: the table's entry, else the descriptor-driven one. */
export function operationNamed(name: string): Operation | undefined {
  return Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : GENERIC.get(name);
}

type Handlers = Record<"auth" | "admin", Record<string, grpc.handleUnaryCall<unknown, unknown>>>;

/**
 * Cognito Identity Provider's own wire protocol (AWS JSON 1.1): `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`. Each operation is translated by
 * the table in operations.ts and served by the same gRPC handlers, called in process.
 */
export function buildAwsJsonServer(options: AwsJsonOptions): Server {
  const noCredentials: AdminAuthOptions = { credentials: [] };
  const handlers = {
    auth: authService(options.deps, options.context),
    admin: adminService(options.deps, options.context, noCredentials, signingKeyGuard),
  } as unknown as Handlers;
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, maxHeaderSize: 16 * 1024 }, (request, response) => {
    const requestId = randomUUID();
    serve(options, handlers, request, requestId)
      .catch((error: unknown) => {
        options.deps.log.error({ requestId, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, "aws-json request failed");
        return errorBody(internalError());
      })
      .then(({ status, body, errorType }) => send(options.deps, response, requestId, status, body, errorType));
  });
  return server;
}

/**
 * Admin operations reach the AdminService handlers only with a verified key (checked before the
 * request is looked at), whose pools cover the request's pool (checked on the request).
 */
function signingKeyGuard(call: grpc.ServerUnaryCall<unknown, unknown>): Partial<grpc.StatusObject> | ((request: unknown) => Partial<grpc.StatusObject> | undefined) {
  const key = awsCallerOf(call)?.key;
  if (!key) return statusError(grpc.status.UNAUTHENTICATED, "Missing Authentication Token");
  return (request) => (coversPool(key.pools, request) ? undefined : statusError(grpc.status.PERMISSION_DENIED, "these access keys do not cover this user pool"));
}

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly errorType?: string;
}

async function serve(options: AwsJsonOptions, handlers: Handlers, request: IncomingMessage, requestId: string): Promise<Reply> {
  const body = await readBody(request);
  if (body === undefined) return errorBody(serializationError(`The request body exceeds ${MAX_BODY_BYTES} bytes.`));
  const target = header(request, "x-amz-target");
  const name = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const operation = name !== undefined ? operationNamed(name) : undefined;
  if (request.method !== "POST" || (request.url ?? "/").split("?")[0] !== "/" || !operation || !name) return errorBody(unknownOperation());
  const input = parseJson(body);
  if (input instanceof AwsError) return errorBody(input);
  let scope: CallerScope = { key: undefined };
  if (operation.signed) {
    const key = verifySignature({ method: request.method, url: request.url ?? "/", rawHeaders: request.rawHeaders, body }, options.accessKeys, {
      region: options.deps.settings.region, service: SERVICE, nowMs: options.deps.clock(), mustSign: ["x-amz-target"],
    });
    if (key instanceof AwsError) {
      options.deps.log.warn({ requestId, operation: name, refused: key.type }, "aws-json signature refused");
      return errorBody(key);
    }
    scope = { key };
  }
  const translation = translationFor(options, handlers, scope);
  let message: object;
  try {
    message = await operation.request(new Members(input), translation);
  } catch (error) {
    if (error instanceof AwsError) return errorBody(error);
    throw error;
  }
  return answerOf(operation, name, await callHandler(handlers[operation.service][operation.method]!, name, message, scope), translation, requestId, options);
}

function translationFor(options: AwsJsonOptions, handlers: Handlers, scope: CallerScope): Translation {
  return {
    region: options.deps.settings.region,
    async call(service, method, request) {
      const answer = await callHandler(handlers[service][method]!, method, request, scope);
      return answer.kind === "result" ? answer.result : undefined;
    },
  };
}

function answerOf(operation: Operation, name: string, answer: Answer, translation: Translation, requestId: string, options: AwsJsonOptions): Reply {
  if (answer.kind === "status") return errorBody(statusAsError(answer.status, name, options, requestId));
  const result = answer.result;
  if (!result) return errorBody(internalError());
  const success = operation.success[result.$case];
  if (success) return { status: 200, body: JSON.stringify(success(result.value as never, translation)) };
  const message = (result.value as { message?: unknown } | undefined)?.message;
  return errorBody(new AwsError(exceptionOf(result.$case), typeof message === "string" ? message : ""));
}

/** A gRPC status from the handler (a guard's refusal, or infrastructure) in Cognito's terms. */
function statusAsError(status: Partial<grpc.StatusObject>, name: string, options: AwsJsonOptions, requestId: string): AwsError {
  switch (status.code) {
    case grpc.status.PERMISSION_DENIED:
      return new AwsError("AccessDeniedException", `The access key is not authorized to perform: cognito-idp:${name} on this user pool.`);
    case grpc.status.UNAUTHENTICATED:
      return new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token");
    case grpc.status.INVALID_ARGUMENT:
      return invalidParameter(status.details ?? "Invalid request.");
    case grpc.status.UNAVAILABLE:
      return unavailable();
    default:
      options.deps.log.warn({ requestId, operation: name, code: status.code }, "aws-json handler status");
      return internalError();
  }
}

function parseJson(body: Buffer): Json | AwsError {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : serializationError("The request body must be a JSON object.");
  } catch {
    return serializationError("The request body is not valid JSON.");
  }
}

/** The body, or undefined when it exceeds the limit (the rest is not read). */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      request.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners("data");
        request.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

function errorBody(error: AwsError): Reply {
  return { status: error.status, body: JSON.stringify({ __type: error.type, message: error.message }), errorType: error.type };
}

/**
 * Every answer carries x-amzn-RequestId; errors x-amzn-ErrorType. The Date header is the service's
 * clock (the one SigV4 times are checked against, which SDKs correct their skew by), so two answers
 * differ only where their content does.
 */
function send(deps: Deps, response: ServerResponse, requestId: string, status: number, body: string, errorType: string | undefined): void {
  response.sendDate = false;
  const headers: Record<string, string> = {
    "x-amzn-RequestId": requestId,
    "Content-Type": CONTENT_TYPE,
    "Content-Length": String(Buffer.byteLength(body)),
    Date: new Date(deps.clock()).toUTCString(),
  };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  response.writeHead(status, headers).end(body);
}
