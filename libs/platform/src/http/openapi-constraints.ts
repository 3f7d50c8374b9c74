import { ParseIntPipe, ParseUUIDPipe, type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { routeHandlers } from './route-facts.js';
import { validateWhenRules } from './validation.js';

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

/** A `oneOf` branch: an object that has these properties (each as the schema states it), all required. */
function branch(properties: Record<string, Schema>, names: string[], overrides: Record<string, Schema> = {}): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      names.map((name) => [name, overrides[name] ?? structuredClone<Schema>(properties[name] ?? {})]),
    ),
    required: names,
  };
}

/**
 * The conditions between fields, as `oneOf` sets of required-property branches (ADR 0059), which JSON
 * Schema validators enforce and typed-client generators turn into unions:
 * - `AlternativeTo` pairs: one branch requiring each field, so both or neither matches no branch or two;
 * - `ValidateWhen(field, value)`: one branch per value of `field` requiring it and the fields it brings
 *   (`kind: direct` with `recipientId`), plus a branch for each other value the enum allows.
 * One set becomes the schema's `oneOf`; several go into `allOf` as `{ oneOf }` each.
 */
function documentConditions(
  schema: Schema,
  properties: Record<string, Schema>,
  target: object,
  rules: ValidationRule[],
) {
  const sets: { oneOf: Schema[]; says: string }[] = [];
  const paired = new Set<string>();
  for (const rule of rules) {
    const other = rule.constraints?.[0];
    if (rule.name !== 'alternativeTo' || typeof other !== 'string') continue;
    const pair = [rule.propertyName, other].sort();
    if (paired.has(pair.join()) || !pair.every((name) => properties[name])) continue;
    paired.add(pair.join());
    sets.push({
      oneOf: pair.map((name) => branch(properties, [name])),
      says: `Exactly one of \`${pair[0]}\` and \`${pair[1]}\`.`,
    });
  }
  const byField = new Map<string, Map<unknown, string[]>>();
  for (const { property, field, value } of validateWhenRules(target)) {
    if (!properties[property] || !properties[field]) continue;
    const values = byField.get(field) ?? new Map<unknown, string[]>();
    values.set(value, [...(values.get(value) ?? []), property]);
    byField.set(field, values);
  }
  for (const [field, values] of byField) {
    const discriminator = properties[field];
    const others = ((discriminator.enum as unknown[] | undefined) ?? []).filter((value) => !values.has(value));
    const narrowed = (value: unknown): Schema => ({ ...structuredClone(discriminator), enum: [value] });
    sets.push({
      oneOf: [
        ...[...values].map(([value, names]) => branch(properties, [field, ...names], { [field]: narrowed(value) })),
        ...others.map((value) => branch(properties, [field], { [field]: narrowed(value) })),
      ],
      says: [...values]
        .map(
          ([value, names]) =>
            `With \`${field}\` ${JSON.stringify(value)}: ${names.map((n) => `\`${n}\``).join(', ')} required.`,
        )
        .join(' '),
    });
  }
  if (!sets.length) return;
  if (sets.length === 1) schema.oneOf = sets[0].oneOf;
  else schema.allOf = [...((schema.allOf as Schema[] | undefined) ?? []), ...sets.map(({ oneOf }) => ({ oneOf }))];
  const says = sets.map(({ says }) => says).join(' ');
  schema.description = typeof schema.description === 'string' ? `${schema.description} ${says}` : says;
}

/**
 * Component schemas named like a validated class (Swagger names them after it) get that class's rules,
 * and the conditions between its fields.
 */
export function constrainComponentSchemas(schemas: Record<string, unknown>): void {
  const classes = rulesByClassName();
  for (const [name, schema] of Object.entries(schemas)) {
    const found = classes.get(name);
    const properties = (schema as Schema).properties as Record<string, Schema> | undefined;
    if (!found || !properties) continue;
    const rules = inheritedRules(found.target);
    applyRules(properties, rules);
    documentConditions(schema as Schema, properties, found.target, rules);
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
 * give it `format: uuid` / `type: integer`; `AlternativeTo` pairs and `ValidateWhen` variants become `oneOf`
 * sets (ADR 0059). Swagger reads only `@ApiProperty`, so without this the
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
