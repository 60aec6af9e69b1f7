// Tolerant readers: a call record may come from any Graph version, a mutated fuzz case or a
// hand-edited file, so every field is read as "maybe there, maybe the wrong type".

export type Json = Readonly<Record<string, unknown>>;

const EMPTY: Json = Object.freeze({});

export function obj(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

/** Like obj, but an empty object instead of null so chains stay short. */
export function objOrEmpty(value: unknown): Json {
  return obj(value) ?? EMPTY;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

const NUMERIC = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A number, or a numeric string: Graph sends Int64 and Decimal as strings under IEEE754Compatible=true. */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.length > 32 || !NUMERIC.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** Enum members compared case-insensitively: docs examples capitalise some of them. */
export function enumValue(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.toLowerCase() : null;
}
