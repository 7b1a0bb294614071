// Tiny validators for trigger output. Each check returns the normalised value or INVALID; objects
// keep only the fields they know, so a flow never sees what it did not ask for.

export const INVALID: unique symbol = Symbol("invalid");
export type Check<T> = (value: unknown) => T | typeof INVALID;
export type Checked<C> = C extends Check<infer T> ? T : never;

/** Attribute values are at most 2048 characters in Cognito (StringAttributeConstraints max). */
export const MAX_STRING_LENGTH = 2048;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function string(maxLength = MAX_STRING_LENGTH): Check<string> {
  return (value) => (typeof value === "string" && value.length <= maxLength ? value : INVALID);
}

/** Booleans are strict: "true" (a string) is not a boolean — the brief's rule for autoConfirmUser & co. */
export const boolean: Check<boolean> = (value) => (typeof value === "boolean" ? value : INVALID);

export function oneOf<T extends string>(...allowed: T[]): Check<T> {
  return (value) => (allowed.includes(value as T) ? (value as T) : INVALID);
}

export function list<T>(item: Check<T>): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return INVALID;
    const out = value.map(item);
    return out.includes(INVALID) ? INVALID : (out as T[]);
  };
}

/**
 * A string → string map. Numbers and booleans are turned into strings because Cognito's JSON reader
 * does (hooks commonly return `email_verified: true` from UserMigration) [INFERRED]; objects are not.
 */
export const stringMap: Check<Record<string, string>> = (value) => {
  if (!isPlainObject(value)) return INVALID;
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    const text = typeof raw === "number" || typeof raw === "boolean" ? String(raw) : raw;
    if (string()(key) === INVALID || string()(text) === INVALID) return INVALID;
    out[key] = text as string;
  }
  return out;
};

type Shape = Record<string, Check<unknown>>;
export type ObjectOf<S extends Shape> = { [K in keyof S]?: Checked<S[K]> | null };

/** An object whose fields are all optional and nullable (Cognito sends nulls); unknown keys dropped. */
export function object<S extends Shape>(shape: S): Check<ObjectOf<S>> {
  return (value) => {
    if (!isPlainObject(value)) return INVALID;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const field = value[key];
      if (field === undefined) continue;
      const checked = field === null ? null : check(field);
      if (checked === INVALID) return INVALID;
      out[key] = checked;
    }
    return out as ObjectOf<S>;
  };
}

