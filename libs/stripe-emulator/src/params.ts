/**
 * Reading request parameters the way Stripe validates them. Parameters come from the wire (strings, already
 * coerced where the name is a known integer or boolean) or from TypeScript callers (numbers, booleans).
 */
import { invalidRequest, invalidValue, missingParam } from './errors.js';
import type { Metadata } from './objects/index.js';

export type Params = Readonly<Record<string, unknown>>;

export function asParams(value: unknown): Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : {};
}

/** A nested hash parameter such as `subscription_data`, or {} when absent. */
export function hashParam(params: Params, key: string, path = key): Params {
  const value = params[key];
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest(`Invalid object`, { param: path });
  }
  return value as Params;
}

export function listParam(params: Params, key: string, path = key): unknown[] {
  const value = params[key];
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value;
  throw invalidRequest(`Invalid array`, { param: path });
}

export function optionalString(params: Params, key: string, path = key): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param: path });
}

/** A string parameter where '' means "unset" (null), as Stripe treats empty values. */
export function nullableString(params: Params, key: string, path = key): string | null | undefined {
  const value = optionalString(params, key, path);
  return value === '' ? null : value;
}

export function requiredString(params: Params, key: string, path = key): string {
  const value = optionalString(params, key, path);
  if (value === undefined || value === '') throw missingParam(path);
  return value;
}

export function optionalInteger(params: Params, key: string, path = key): number | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw invalidRequest(`Invalid integer: ${printParam(value)}`, { code: 'parameter_invalid_integer', param: path });
  }
  return number;
}

export function optionalBoolean(params: Params, key: string, path = key): boolean | undefined {
  const value = params[key];
  if (value === undefined || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${printParam(value)}`, { param: path });
}

export function optionalEnum<T extends string>(
  params: Params,
  key: string,
  allowed: readonly T[],
  path = key,
): T | undefined {
  const value = optionalString(params, key, path);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidValue(path, `Invalid ${path}: must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** `metadata[key]=value` pairs. Returns undefined when absent and null for `metadata=''` (clear all). */
export function metadataParam(params: Params, key = 'metadata', path = key): Metadata | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === '') return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidRequest('Invalid object', { param: path });
  const metadata: Metadata = {};
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') {
      throw invalidRequest(`Invalid metadata value for key ${name}`, { param: `${path}[${name}]` });
    }
    metadata[name] = String(entry);
  }
  return metadata;
}

/** Stripe's metadata update: keys are merged, a key set to '' is removed, `metadata=''` removes all. */
export function mergeMetadata(current: Metadata, update: Metadata | null | undefined): Metadata {
  if (update === undefined) return current;
  if (update === null) return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Only `allowed` parameters may appear (plus `expand`, which every endpoint takes). */
export function rejectUnknownParams(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (key !== 'expand' && !allowed.includes(key)) {
      throw invalidRequest(`Received unknown parameter: ${key}`, { code: 'parameter_unknown', param: key });
    }
  }
}

/** A rejected value as Stripe's messages show it: strings as sent, nested form values as JSON. */
function printParam(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
