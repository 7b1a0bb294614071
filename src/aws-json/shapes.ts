import type { AttributeType } from "../gen/identity/v1/common.js";
import { invalidParameter, serializationError } from "./errors.js";

/** A JSON object as it arrives or leaves. */
export type Json = { [member: string]: unknown };

/** A generated enum object (`AuthFlow`): names to numbers and back. */
type EnumObject = Record<string, string | number>;

/**
 * Typed reads of one Cognito JSON structure. An absent (or null) member reads as the contract's
 * default, so the flow decides what "missing" means, as for a gRPC request; a member of the wrong
 * JSON type is a SerializationException, as Cognito answers. Enum values outside the set are an
 * InvalidParameterException with Cognito's validation text.
 */
export class Members {
  constructor(
    private readonly json: Json,
    private readonly path = "",
  ) {}

  str(name: string): string {
    const v = this.get(name);
    if (v === undefined) return "";
    if (typeof v !== "string") throw this.wrongType(name, "a string");
    return v;
  }

  bool(name: string): boolean {
    const v = this.get(name);
    if (v === undefined) return false;
    if (typeof v !== "boolean") throw this.wrongType(name, "a boolean");
    return v;
  }

  int(name: string): number {
    const v = this.get(name);
    if (v === undefined) return 0;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || Math.abs(v) > 2 ** 31 - 1) throw this.wrongType(name, "an integer");
    return v;
  }

  /** The structure as received (the descriptor-driven fallback, generic.ts, reads it whole). */
  raw(): Json {
    return this.json;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  strings(name: string): string[] {
    return this.list(name, (v, i) => {
      if (typeof v !== "string") throw this.wrongType(`${name}[${i}]`, "a string");
      return v;
    });
  }

  /** A map of strings (ClientMetadata, AuthParameters, ...); keys are kept as given. */
  map(name: string): Record<string, string> {
    const v = this.get(name);
    if (v === undefined) return {};
    if (!isObject(v)) throw this.wrongType(name, "a map");
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(v)) {
      if (typeof value !== "string") throw this.wrongType(`${name}.${key}`, "a string");
      out[key] = value;
    }
    return out;
  }

  /** A list of `{ Name, Value }` (AttributeListType). */
  attributes(name: string): AttributeType[] {
    return this.structures(name).map((m) => ({ name: m.str("Name"), value: m.str("Value") }));
  }

  structure(name: string): Members | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!isObject(v)) throw this.wrongType(name, "a structure");
    return new Members(v, `${this.path}${name}.`);
  }

  structures(name: string): Members[] {
    return this.list(name, (v, i) => {
      if (!isObject(v)) throw this.wrongType(`${name}[${i}]`, "a structure");
      return new Members(v, `${this.path}${name}[${i}].`);
    });
  }

  /** Cognito's enum string (`USER_PASSWORD_AUTH`) as the contract's number (`AUTH_FLOW_USER_PASSWORD_AUTH`). */
  enumOf(name: string, values: EnumObject, prefix: string): number {
    const v = this.get(name);
    if (v === undefined) return 0;
    return enumValue(v, values, prefix, `${this.path}${name}`);
  }

  enums(name: string, values: EnumObject, prefix: string): number[] {
    return this.list(name, (v, i) => enumValue(v, values, prefix, `${this.path}${name}[${i}]`));
  }

  private list<T>(name: string, item: (v: unknown, i: number) => T): T[] {
    const v = this.get(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw this.wrongType(name, "a list");
    return v.map(item);
  }

  private get(name: string): unknown {
    const v = Object.hasOwn(this.json, name) ? this.json[name] : undefined;
    return v === null ? undefined : v;
  }

  private wrongType(name: string, expected: string) {
    return serializationError(`${this.path}${name} must be ${expected}.`);
  }
}

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function enumValue(v: unknown, values: EnumObject, prefix: string, path: string): number {
  const allowed = Object.keys(values).filter((k) => k.startsWith(prefix) && !k.endsWith("_UNSPECIFIED")).map((k) => k.slice(prefix.length));
  const n = typeof v === "string" && allowed.includes(v) ? values[`${prefix}${v}`] : undefined;
  if (typeof n !== "number") throw invalidParameterFor(path, v, allowed);
  return n;
}

/** Cognito's validation text for a value outside an enum's set. */
export function invalidParameterFor(path: string, value: unknown, allowed: readonly string[]) {
  return invalidParameter(`1 validation error detected: Value '${String(value).slice(0, 64)}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(", ")}]`);
}

/** The contract's enum number as Cognito's string; undefined for UNSPECIFIED / unknown. */
export function enumName(values: EnumObject, prefix: string, n: number): string | undefined {
  const name = values[n];
  return typeof name === "string" && name.startsWith(prefix) && !name.endsWith("_UNSPECIFIED") ? name.slice(prefix.length) : undefined;
}

/** Timestamps go out as epoch seconds (with milliseconds as a fraction), Cognito's DateType. */
export function epochSeconds(date: Date | undefined): number | undefined {
  return date ? date.getTime() / 1000 : undefined;
}

export function attributesOut(attributes: readonly AttributeType[]): Json[] {
  return attributes.map((a) => ({ Name: a.name, Value: a.value }));
}

/** Drops absent members and empty strings (Cognito leaves absent members out). */
export function compact(json: Json): Json {
  return Object.fromEntries(Object.entries(json).filter(([, v]) => v !== undefined && v !== ""));
}
