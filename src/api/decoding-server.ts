// No request bytes get INTERNAL. grpc-js deserializes a request before any handler runs and answers
// INTERNAL "Error deserializing request" when the deserializer throws. This server registers every
// service so that cannot happen:
// - methods whose handler came from `unary` (AuthService, AdminService) get a pass-through
//   deserializer and decode inside the handler, after the admin guard has authenticated the call;
// - every other method (grpc.health.v1, reflection) gets a deserializer that returns a marker instead
//   of throwing, and a server interceptor answers INVALID_ARGUMENT to the marker.
import * as grpc from "@grpc/grpc-js";
import { statusError } from "./status.js";
import { DECODES_ITSELF, type Decode } from "./unary.js";

/** What a deserializer hands on for bytes that are not a message of the method's request type. */
const UNDECODABLE: unique symbol = Symbol("undecodable");

const passThrough = (bytes: Buffer): Buffer => bytes;

export class DecodingServer extends grpc.Server {
  constructor(options: grpc.ServerOptions = {}) {
    super({ ...options, interceptors: [...(options.interceptors ?? []), rejectUndecodable] });
  }

  override addService(service: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation): void {
    const definition: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(service) as [string, grpc.MethodDefinition<unknown, unknown>][]) {
      const handler = implementation[name] ?? (method.originalName === undefined ? undefined : implementation[method.originalName]);
      const selfDecoding = (handler as { [DECODES_ITSELF]?: (decode: Decode<unknown>) => grpc.UntypedHandleCall } | undefined)?.[DECODES_ITSELF];
      if (selfDecoding && !method.requestStream && !method.responseStream) {
        definition[name] = { ...method, requestDeserialize: passThrough };
        handlers[name] = selfDecoding(method.requestDeserialize);
      } else {
        definition[name] = { ...method, requestDeserialize: markUndecodable(method.requestDeserialize) };
        if (handler !== undefined) handlers[name] = handler;
      }
    }
    super.addService(definition, handlers);
  }
}

function markUndecodable<T>(deserialize: (bytes: Buffer) => T): (bytes: Buffer) => T | typeof UNDECODABLE {
  return (bytes) => {
    try {
      return deserialize(bytes);
    } catch {
      return UNDECODABLE;
    }
  };
}

/** Ends a call whose message could not be decoded with INVALID_ARGUMENT; the handler never sees it. */
const rejectUndecodable: grpc.ServerInterceptor = (_method, call) =>
  new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMessage(message, nextMessage) {
          if (message === UNDECODABLE) {
            call.sendStatus(statusError(grpc.status.INVALID_ARGUMENT, "the request is not a valid protobuf message for this method") as grpc.StatusObject);
          } else {
            nextMessage(message);
          }
        },
      });
    },
  });
