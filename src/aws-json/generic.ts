// The fallback of the operation table: an RPC of AuthService or AdminService without an entry in
// operations.ts (one added to the contract since) is still served, translated by the contract's own
// descriptors: Cognito's member name is the field's JSON name with a capital first letter, enums go
// by their value name without the enum's prefix, timestamps as epoch seconds, maps keep their keys.
// Operations whose Cognito shape differs from the contract's get an entry in operations.ts instead.
import { createFileRegistry, fromBinary, fromJson, toBinary, toJson, type DescEnum, type DescField, type DescMessage, type JsonObject, type JsonValue } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { descriptorSet } from "../gen/descriptors.js";
import { AdminServiceService } from "../gen/identity/v1/admin_service.js";
import { AuthServiceService } from "../gen/identity/v1/auth_service.js";
import { serializationError } from "./errors.js";
import { WRAPPED_OUTPUTS, type Operation } from "./operations.js";
import { isObject, type Json } from "./shapes.js";

const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet));
const ERRORS_FILE = "identity/v1/errors"; // bufbuild names files without their extension
const TIMESTAMP = "google.protobuf.Timestamp";

type Definition = { requestDeserialize(bytes: Buffer): object; responseSerialize(value: object): Buffer };
const SERVICES = [
  { service: "auth", name: "identity.v1.AuthService", definitions: AuthServiceService as unknown as Record<string, Definition> },
  { service: "admin", name: "identity.v1.AdminService", definitions: AdminServiceService as unknown as Record<string, Definition> },
] as const;

/** Operations for every RPC of the two services, by RPC name, translated through the descriptors. */
export function genericOperations(): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const { service, name, definitions } of SERVICES) {
    for (const method of registry.getService(name)?.methods ?? []) {
      const definition = definitions[method.localName];
      if (!definition) continue;
      const success: Record<string, (value: never) => Json> = {};
      for (const arm of method.output.oneofs.find((o) => o.name === "result")?.fields ?? []) {
        if (arm.fieldKind !== "message" || arm.message.file.name === ERRORS_FILE) continue;
        success[arm.localName] = (value: never) => {
          const message = fromBinary(method.output, definition.responseSerialize({ result: { $case: arm.localName, value } }));
          const json = toJson(method.output, message) as JsonObject;
          const output = toCognito(arm.message, (json[arm.jsonName] ?? {}) as JsonObject);
          const wrapper = Object.hasOwn(WRAPPED_OUTPUTS, method.name) ? WRAPPED_OUTPUTS[method.name] : undefined;
          return wrapper ? { [wrapper]: output } : output;
        };
      }
      operations.set(method.name, {
        service,
        method: method.localName,
        signed: service === "admin",
        request: (m) => {
          let message;
          try {
            message = fromJson(method.input, toProtoJson(method.input, m.raw()) as JsonValue, { ignoreUnknownFields: true });
          } catch (error) {
            throw serializationError(error instanceof Error ? error.message.slice(0, 200) : "The request does not match the operation's input.");
          }
          return definition.requestDeserialize(Buffer.from(toBinary(method.input, message)));
        },
        success,
      });
    }
  }
  return operations;
}

const member = (field: DescField) => `${field.jsonName.charAt(0).toUpperCase()}${field.jsonName.slice(1)}`;
const prefixOf = (e: DescEnum) => (e.sharedPrefix ?? "").toUpperCase();

/** Cognito JSON → the contract's proto3 JSON (which fromJson then checks type by type). */
function toProtoJson(desc: DescMessage, json: Json): Json {
  const out: Json = {};
  for (const field of desc.fields) {
    const v = json[member(field)];
    if (v === undefined || v === null) continue;
    out[field.jsonName] = valueIn(field, v);
  }
  return out;
}

function valueIn(field: DescField, v: unknown): unknown {
  const enumIn = (e: DescEnum, x: unknown) => (typeof x === "string" ? `${prefixOf(e)}${x}` : x);
  const messageIn = (m: DescMessage, x: unknown) => (m.typeName === TIMESTAMP ? (typeof x === "number" ? new Date(x * 1000).toISOString() : x) : isObject(x) ? toProtoJson(m, x) : x);
  switch (field.fieldKind) {
    case "scalar":
      return v;
    case "enum":
      return enumIn(field.enum, v);
    case "message":
      return messageIn(field.message, v);
    case "list":
      if (!Array.isArray(v)) return v;
      return field.listKind === "enum" ? v.map((x) => enumIn(field.enum, x)) : field.listKind === "message" ? v.map((x) => messageIn(field.message, x)) : v;
    case "map":
      if (!isObject(v)) return v;
      if (field.mapKind === "scalar") return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, field.mapKind === "enum" ? enumIn(field.enum, x) : messageIn(field.message, x)]));
  }
}

/** The contract's proto3 JSON → Cognito JSON. */
function toCognito(desc: DescMessage, json: JsonObject): Json {
  const out: Json = {};
  for (const field of desc.fields) {
    const v = json[field.jsonName];
    if (v === undefined || v === null) continue;
    out[member(field)] = valueOut(field, v);
  }
  return out;
}

function valueOut(field: DescField, v: JsonValue): unknown {
  const enumOut = (e: DescEnum, x: JsonValue) => (typeof x === "string" && x.startsWith(prefixOf(e)) ? x.slice(prefixOf(e).length) : x);
  const messageOut = (m: DescMessage, x: JsonValue) => (m.typeName === TIMESTAMP ? (typeof x === "string" ? Date.parse(x) / 1000 : x) : isObject(x) ? toCognito(m, x as JsonObject) : x);
  switch (field.fieldKind) {
    case "scalar":
      return v;
    case "enum":
      return enumOut(field.enum, v);
    case "message":
      return messageOut(field.message, v);
    case "list":
      if (!Array.isArray(v)) return v;
      return field.listKind === "enum" ? v.map((x) => enumOut(field.enum, x)) : field.listKind === "message" ? v.map((x) => messageOut(field.message, x)) : v;
    case "map":
      if (!isObject(v)) return v;
      if (field.mapKind === "scalar") return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, field.mapKind === "enum" ? enumOut(field.enum, x as JsonValue) : messageOut(field.message, x as JsonValue)]));
  }
}
