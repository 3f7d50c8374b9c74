import { problem, type Problem } from './problem.js';
import { validationFailedProblem, type FieldProblem } from './validation.js';

/**
 * Deepest nesting of objects and arrays accepted in a body or socket payload. No DTO comes close;
 * class-transformer and class-validator recurse, and overflow the stack a few thousand levels down.
 */
export const MAX_INPUT_DEPTH = 32;

/** At most this many offending fields are named; an attacker's body should not grow the answer. */
const MAX_FIELDS_NAMED = 20;

/** What a walk over client input found that no route may receive (see ADR 0013). */
export type HostileInput =
  { kind: 'too-deep'; field: string; maxDepth: number } | { kind: 'bad-text'; fields: FieldProblem[] };

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  /** Index numbers stay numbers: clean input never pays for a string per array element. */
  key: string | number;
}

/**
 * Walks parsed client input (body, query, path params, socket payload) once, iteratively, and
 * reports strings PostgreSQL cannot store (NUL) or that are not Unicode (lone surrogates), in
 * values and property names, and nesting deeper than `maxDepth`. Only arrays and plain objects
 * are entered: buffers, streams and class instances are not client text.
 * `prefix` names the root (e.g. `text` for a single query parameter); paths are dotted like
 * class-validator's (`items.2.name`).
 */
export function findHostileInput(
  value: unknown,
  prefix = '',
  maxDepth = MAX_INPUT_DEPTH,
  into: FieldProblem[] = [],
): HostileInput | undefined {
  if (typeof value === 'string') {
    checkText(value, prefix || 'input', 'value', into);
    return into.length ? { kind: 'bad-text', fields: into } : undefined;
  }
  if (!isContainer(value)) return into.length ? { kind: 'bad-text', fields: into } : undefined;

  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: prefix }];
  while (stack.length) {
    const frame = stack.pop()!;
    const container = frame.value;
    const isArray = Array.isArray(container);
    const keys = isArray ? undefined : Object.keys(container);
    const length = isArray ? container.length : keys!.length;
    for (let index = 0; index < length; index++) {
      const key = isArray ? index : keys![index];
      const child: unknown = isArray ? container[index] : (container as Record<string, unknown>)[key];
      if (typeof key === 'string' && !isCleanText(key)) checkText(key, pathOf(frame, key), 'property name', into);
      if (typeof child === 'string') {
        if (!isCleanText(child)) checkText(child, pathOf(frame, key), 'value', into);
      } else if (isContainer(child)) {
        const childFrame: Frame = { value: child, depth: frame.depth + 1, parent: frame, key };
        if (childFrame.depth > maxDepth) return { kind: 'too-deep', field: pathOf(frame, key), maxDepth };
        stack.push(childFrame);
      }
      if (into.length >= MAX_FIELDS_NAMED) return { kind: 'bad-text', fields: into };
    }
  }
  return into.length ? { kind: 'bad-text', fields: into } : undefined;
}

/** The fast path: two native scans, no allocation. */
function isCleanText(text: string): boolean {
  return text.isWellFormed() && !text.includes('\u0000');
}

function checkText(text: string, field: string, what: 'value' | 'property name', into: FieldProblem[]): void {
  const messages: string[] = [];
  const subject = what === 'value' ? field || 'input' : `property name ${field}`;
  if (text.includes('\u0000')) messages.push(`${subject} must not contain NUL characters (U+0000)`);
  if (!text.isWellFormed()) messages.push(`${subject} must be well-formed Unicode (no lone surrogates)`);
  if (messages.length) into.push({ field: printable(field), messages: messages.map(printable) });
}

function pathOf(frame: Frame, key: string | number): string {
  const parts = [key];
  for (let current: Frame | undefined = frame; current; current = current.parent)
    if (current.key !== '') parts.push(current.key);
  return parts.reverse().join('.');
}

/** A field named by a hostile key is echoed without the characters we refuse. */
function printable(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

/** Arrays and plain objects, including the null-prototype dictionaries Fastify parses query and params into. */
function isContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Everything a request brings in that a route could store or hand to a pipe: path params, query
 * and parsed body, checked in one walk each. Too deep wins over bad text (it stops the walk).
 */
export function findHostileRequestInput(parts: readonly unknown[]): HostileInput | undefined {
  const fields: FieldProblem[] = [];
  for (const part of parts) {
    const found = findHostileInput(part, '', MAX_INPUT_DEPTH, fields);
    if (found?.kind === 'too-deep') return found;
  }
  return fields.length ? { kind: 'bad-text', fields } : undefined;
}

/** 400 `validation.failed` naming each field, or 400 `validation.too-deep`; the same over HTTP and sockets. */
export function hostileInputProblem(found: HostileInput): Problem {
  if (found.kind === 'bad-text') return validationFailedProblem(found.fields);
  return problem(400, 'validation.too-deep', `Objects and arrays may nest at most ${found.maxDepth} levels deep`, {
    field: printable(found.field),
    maxDepth: found.maxDepth,
  });
}
