import type { Type } from '@nestjs/common';

/** A reference to a DTO's schema in the shared components (the class must also appear in OpenAPI). */
export const schemaRef = (dto: Type) => ({ $ref: `#/components/schemas/${dto.name}` });

/** An inline object schema: every listed property required unless named in `optional`. */
export function objectSchema(properties: Record<string, unknown>, optional: string[] = []) {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
  };
}

export const UUID = { type: 'string', format: 'uuid' } as const;
export const TEXT = { type: 'string' } as const;
export const INTEGER = { type: 'integer' } as const;
export const NUMBER = { type: 'number' } as const;
export const BOOLEAN = { type: 'boolean' } as const;
export const TIMESTAMP = { type: 'string', format: 'date-time' } as const;
export const nullable = (schema: Record<string, unknown>) => ({ ...schema, nullable: true });
