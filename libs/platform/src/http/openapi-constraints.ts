import { ParseIntPipe, ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { routeHandlers } from './route-facts.js';

type Schema = Record<string, unknown>;

/** What class-validator keeps for one decorator (the parts read here). */
interface ValidationRule {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
  target: object;
}

/** class-validator's storage, read-only: `getTargetValidationMetadatas` would need each class first. */
interface RuleStorage {
  validationMetadatas: Map<object, ValidationRule[]>;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * JSON Schema keywords for one class-validator rule; undefined for rules without an equivalent
 * (custom checks, conditions). Only what the rule enforces on its own, so the document never promises
 * more than the validator checks.
 */
function keywordsOf(rule: ValidationRule): Schema | undefined {
  const [first, second] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isUrl':
      return { type: 'string', format: 'uri' };
    case 'isDateString':
    case 'isIso8601':
      return { type: 'string', format: 'date-time' };
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'maxLength':
      return finite(first) ? { maxLength: first } : undefined;
    case 'minLength':
      return finite(first) ? { minLength: first } : undefined;
    case 'isLength':
      return { ...(finite(first) ? { minLength: first } : {}), ...(finite(second) ? { maxLength: second } : {}) };
    case 'isNotEmpty':
      return undefined; // applies to any type; a string's minLength would overstate it for arrays and numbers
    case 'min':
      return finite(first) ? { minimum: first } : undefined;
    case 'max':
      return finite(first) ? { maximum: first } : undefined;
    case 'isPositive':
      return { exclusiveMinimum: 0 };
    case 'arrayMinSize':
      return finite(first) ? { minItems: first } : undefined;
    case 'arrayMaxSize':
      return finite(first) ? { maxItems: first } : undefined;
    case 'isIn':
      return Array.isArray(first) ? { enum: [...(first as unknown[])] } : undefined;
    case 'isEnum':
      return Array.isArray(second) ? { enum: [...(second as unknown[])] } : undefined;
    case 'matches': {
      // JSON Schema patterns carry no flags: a case-insensitive or multiline rule is left undocumented.
      const pattern = first instanceof RegExp ? first : typeof first === 'string' ? new RegExp(first) : undefined;
      const flags = pattern ? pattern.flags.replace(/[gu]/g, '') : '';
      return pattern && !flags && typeof second !== 'string' ? { type: 'string', pattern: pattern.source } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Writes the rule into the property's schema: into `items` for `each` rules (and the array rules' own
 * keywords on the array). What the validator enforces wins over a hand-written value that disagrees.
 */
function apply(property: Schema, keywords: Schema, each: boolean): void {
  const isArray = property.type === 'array' || property.items !== undefined;
  const into = each && isArray ? ((property.items ??= {}) as Schema) : property;
  // A $ref (a nested DTO) is described by its own class; only the array's size applies beside it.
  if (into.$ref !== undefined || into.allOf !== undefined) return;
  for (const [keyword, value] of Object.entries(keywords)) {
    if (keyword === 'type') {
      // `isString` on an array's `each`, an enum's declared type, `number` → `integer`: never widen.
      if (into.type === undefined || (into.type === 'number' && value === 'integer')) into.type = value;
      continue;
    }
    into[keyword] = value;
  }
}

/** Every class with validation rules, by name (names shared by two classes are left out: ambiguous). */
function rulesByClassName(): Map<string, { target: object; rules: ValidationRule[] }> {
  const storage = getMetadataStorage() as unknown as RuleStorage;
  const byName = new Map<string, { target: object; rules: ValidationRule[] }>();
  const ambiguous = new Set<string>();
  for (const [target, rules] of storage.validationMetadatas) {
    const name = (target as { name?: string }).name;
    if (!name) continue;
    if (byName.has(name) && byName.get(name)!.target !== target) ambiguous.add(name);
    byName.set(name, { target, rules });
  }
  for (const name of ambiguous) byName.delete(name);
  return byName;
}

/** A class's rules with those of its parents (class-validator inherits them the same way). */
function inheritedRules(target: object): ValidationRule[] {
  const storage = getMetadataStorage() as unknown as RuleStorage;
  const rules: ValidationRule[] = [];
  for (let current: object | null = target; current && current !== Function.prototype;) {
    rules.push(...(storage.validationMetadatas.get(current) ?? []));
    current = Object.getPrototypeOf(current) as object | null;
  }
  return rules;
}

function applyRules(properties: Record<string, Schema>, rules: ValidationRule[]): void {
  for (const rule of rules) {
    const property = properties[rule.propertyName];
    const keywords = rule.type === 'customValidation' ? keywordsOf(rule) : undefined;
    if (property && keywords) apply(property, keywords, Boolean(rule.each));
  }
}

/** Component schemas named like a validated class (Swagger names them after it) get that class's rules. */
export function constrainComponentSchemas(schemas: Record<string, unknown>): void {
  const classes = rulesByClassName();
  for (const [name, schema] of Object.entries(schemas)) {
    const found = classes.get(name);
    const properties = (schema as Schema).properties as Record<string, Schema> | undefined;
    if (found && properties) applyRules(properties, inheritedRules(found.target));
  }
}

interface RouteArgument {
  index: number;
  data?: string;
  pipes?: unknown[];
}

/**
 * The OpenAPI document states what class-validator enforces (ADR 0053): formats (uuid, email, uri,
 * date-time), string and array lengths, enums, number bounds and integers, and flag-free patterns, on
 * every component schema (request bodies and socket payloads, whose classes share their names) and on
 * every `@Query()` DTO's parameters; `ParseUUIDPipe` and `ParseIntPipe` on a path or query parameter
 * give it `format: uuid` / `type: integer`. Swagger reads only `@ApiProperty`, so without this the
 * document said "string" where the API refuses anything but a UUID.
 */
export function documentValidationConstraints(app: INestApplication, document: OpenAPIObject): void {
  constrainComponentSchemas(document.components?.schemas ?? {});

  const operations = new Map<string, Schema>();
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item as Record<string, Schema>))
      if (operation && typeof operation === 'object' && typeof operation.operationId === 'string')
        operations.set(operation.operationId, operation);

  for (const route of routeHandlers(app)) {
    const operation = operations.get(route.operationId);
    const parameters = operation?.parameters as (Schema & { name: string; in: string; schema?: Schema })[] | undefined;
    if (!parameters?.length) continue;
    const method = route.operationId.slice(route.controller.name.length + 1);
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, method) ?? {}) as Record<
      string,
      RouteArgument
    >;
    const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype as object, method) ?? []) as (
      object | undefined
    )[];
    for (const [key, argument] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]) as RouteParamtypes;
      const where = kind === RouteParamtypes.QUERY ? 'query' : kind === RouteParamtypes.PARAM ? 'path' : undefined;
      if (!where) continue;
      if (argument.data) {
        // One named parameter: its pipes say what it must be.
        const parameter = parameters.find((p) => p.in === where && p.name === argument.data);
        if (!parameter) continue;
        const schema = (parameter.schema ??= {});
        for (const pipe of argument.pipes ?? []) {
          if (pipe === ParseUUIDPipe || pipe instanceof ParseUUIDPipe)
            apply(schema, { type: 'string', format: 'uuid' }, false);
          if (pipe === ParseIntPipe || pipe instanceof ParseIntPipe) apply(schema, { type: 'integer' }, false);
        }
        continue;
      }
      // A whole `@Query()` DTO: Swagger spread its properties into parameters of the same names.
      const dto = types[argument.index];
      if (where !== 'query' || typeof dto !== 'function') continue;
      const inQuery = Object.fromEntries(
        parameters.filter((p) => p.in === 'query').map((p) => [p.name, (p.schema ??= {})]),
      );
      applyRules(inQuery, inheritedRules(dto));
    }
  }
}
