import { invalidRequest } from './errors.js';

/** A decoded request parameter: Stripe's wire format only knows strings, nested by bracket keys. */
export type ParamValue = string | number | boolean | ParamObject | ParamValue[];
export interface ParamObject {
  [key: string]: ParamValue;
}

// Keys that would reach Object.prototype if assigned by bracket notation.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Decodes `application/x-www-form-urlencoded` text with bracket keys, as the Stripe SDK sends it
 * (`line_items[0][price]=p&metadata[userId]=u&lookup_keys[]=a`), into nested objects and arrays.
 * Values stay strings; see coerceParams for the typed ones.
 */
export function decodeForm(text: string): ParamObject {
  const root: ParamObject = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    const path = parseKey(decodeComponent(rawKey));
    if (path.length === 0 || path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
    assign(root, path, decodeComponent(rawValue));
  }
  return arraysFromIndexedObjects(root) as ParamObject;
}

function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray '%' is kept literally rather than failing the whole request
  }
}

/** `a[b][0][]` → ['a', 'b', '0', '']; an empty segment means "append". */
function parseKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return key === '' ? [] : [key];
  const path = [key.slice(0, open)];
  const brackets = /\[([^\]]*)\]/g;
  for (let match = brackets.exec(key); match !== null; match = brackets.exec(key)) path.push(match[1]);
  return path;
}

function assign(target: ParamObject, path: string[], value: string): void {
  let node = target;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index] === '' ? String(Object.keys(node).length) : path[index];
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[segment] = {};
    node = node[segment] as ParamObject;
  }
}

/** Objects whose keys are exactly 0..n-1 become arrays, recursively. */
function arraysFromIndexedObjects(value: ParamValue): ParamValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: ParamObject = {};
  for (const key of keys) converted[key] = arraysFromIndexedObjects(value[key]);
  const isList = keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < keys.length);
  if (!isList) return converted;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => converted[String(index)]);
}

// Parameters Stripe types as integers; anywhere in the tree they appear under these names.
const INTEGER_KEYS = new Set([
  'unit_amount',
  'amount',
  'quantity',
  'trial_period_days',
  'proration_date',
  'limit',
  'interval_count',
  'expires_at',
  'cancel_at',
  'trial_end',
  'billing_cycle_anchor',
  'application_fee_amount',
]);
// Some integer parameters also accept a keyword ('now', 'unchanged') or '' (unset).
const INTEGER_KEYWORDS = new Set(['now', 'unchanged', '']);
const BOOLEAN_KEYS = new Set([
  'active',
  'cancel_at_period_end',
  'allow_promotion_codes',
  'invoice_now',
  'prorate',
  'transfer_lookup_key',
  'deleted',
  'auto_advance',
  'reverse_transfer',
  'refund_application_fee',
]);

/**
 * Converts the known integer and boolean parameters of a decoded request to numbers and booleans,
 * answering Stripe's 400 for values that are neither. Everything else stays a string.
 */
export function coerceParams(params: ParamObject): ParamObject {
  return coerceObject(params, '') as ParamObject;
}

function coerceObject(value: ParamValue, path: string): ParamValue {
  if (Array.isArray(value)) return value.map((item, index) => coerceObject(item, `${path}[${index}]`));
  if (typeof value !== 'object') return value;
  const result: ParamObject = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}[${key}]`;
    // Metadata is free-form: a metadata key named "amount" is still a string.
    if (key === 'metadata') result[key] = child;
    else result[key] = typeof child === 'string' ? coerceScalar(key, child, childPath) : coerceObject(child, childPath);
  }
  return result;
}

function coerceScalar(key: string, value: string, path: string): ParamValue {
  if (INTEGER_KEYS.has(key) && !INTEGER_KEYWORDS.has(value)) return toInteger(value, path);
  if (BOOLEAN_KEYS.has(key) && value !== '') return toBoolean(value, path);
  return value;
}

function toInteger(value: string, path: string): number {
  if (!/^-?\d+$/.test(value)) {
    throw invalidRequest(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param: path });
  }
  return Number(value);
}

function toBoolean(value: string, path: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${value}`, { param: path });
}
