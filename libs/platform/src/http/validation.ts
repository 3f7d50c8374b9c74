import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { problem, type Problem } from './problem.js';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

// Every process that validates (API, worker, CLI) loads this module: the rule lookup is cached from here on.
cacheValidationMetadata();

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `profile.displayName` or `items.2.id`. */
  field: string;
  messages: string[];
}

/** A body, query or socket payload that does not match its DTO (400 `validation.failed`). */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super(fields.map((f) => f.messages.join(', ')).join('; '));
  }
}

/** The one shape of `validation.failed`, whichever check found the fields. */
export function validationFailedProblem(fields: FieldProblem[]): Problem {
  return problem(400, 'validation.failed', new ValidationFailedException(fields).message, { errors: fields });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Whitelist, refuse unknown fields (mass assignment), transform to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

/**
 * One of two alternative fields (`conversationId` or `recipientId`): this one is validated whenever it
 * is present or the other is absent, and refused alongside the other. A bare `ValidateIf(other absent)`
 * on both skips both checks when both arrive, which let unchecked ids reach SQL.
 */
export function AlternativeTo(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    ValidateIf((object: Record<string, unknown>, value: unknown) => value !== undefined || object[other] === undefined)(
      target,
      property,
    );
    registerDecorator({
      name: 'alternativeTo',
      target: target.constructor,
      propertyName: String(property),
      constraints: [other],
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
        defaultMessage: (args: ValidationArguments) => `give ${args.property} or ${other}, not both`,
      },
    });
  };
}

/** `ValidateWhen` rules by class: read by the OpenAPI writer, which cannot see inside a `ValidateIf` callback. */
const conditions = new WeakMap<object, { property: string; field: string; value: unknown }[]>();

/**
 * A field that belongs to one variant of a body (`recipientId` when `kind` is `direct`): validated, and
 * so required, exactly when `field` equals `value`; ignored otherwise. Unlike a bare `ValidateIf`, the
 * OpenAPI document states it (a `oneOf` branch per value, ADR 0059).
 */
export function ValidateWhen(field: string, value: unknown): PropertyDecorator {
  return (target, property) => {
    ValidateIf((object: Record<string, unknown>) => object[field] === value)(target, property);
    const list = conditions.get(target.constructor) ?? [];
    list.push({ property: String(property), field, value });
    conditions.set(target.constructor, list);
  };
}

/** A class's `ValidateWhen` rules, its parents' included. */
export function validateWhenRules(target: object): { property: string; field: string; value: unknown }[] {
  const rules: { property: string; field: string; value: unknown }[] = [];
  for (let current: object | null = target; current && current !== Function.prototype;) {
    rules.push(...(conditions.get(current) ?? []));
    current = Object.getPrototypeOf(current) as object | null;
  }
  return rules;
}
