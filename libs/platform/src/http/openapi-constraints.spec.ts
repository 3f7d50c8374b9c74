import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { constrainComponentSchemas } from './openapi-constraints.js';
import { AlternativeTo, ValidateWhen } from './validation.js';

class ConstraintProbeBase {
  @IsUUID() ownerId!: string;
}

class ConstraintProbe extends ConstraintProbeBase {
  @IsString() @Length(2, 40) title!: string;
  @IsOptional() @IsIn(['a', 'b']) kind?: string;
  @IsInt() @Min(1) @Max(100) limit!: number;
  @Matches(/^[a-z]+$/) slug!: string;
  @Matches(/^[a-z]+$/i) caseless!: string;
  @IsUUID('all', { each: true }) @ArrayMaxSize(5) memberIds!: string[];
  @MaxLength(3, { each: true }) tags!: string[];
}

describe('documenting class-validator rules in the OpenAPI schemas', () => {
  it('adds formats, lengths, enums, bounds, integers, flag-free patterns and array rules, inherited ones too', () => {
    const schemas: Record<string, any> = {
      ConstraintProbe: {
        type: 'object',
        properties: {
          ownerId: { type: 'string' },
          title: { type: 'string', maxLength: 999 },
          kind: { type: 'string' },
          limit: { type: 'number' },
          slug: { type: 'string' },
          caseless: { type: 'string' },
          memberIds: { type: 'array', items: { type: 'string' } },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
      Unrelated: { type: 'object', properties: { ownerId: { type: 'string' } } },
    };
    constrainComponentSchemas(schemas);
    expect(ConstraintProbe.name).toBe('ConstraintProbe'); // matched by the class's name
    expect(schemas.ConstraintProbe.properties).toEqual({
      ownerId: { type: 'string', format: 'uuid' },
      // What the validator enforces wins over a hand-written value.
      title: { type: 'string', minLength: 2, maxLength: 40 },
      kind: { type: 'string', enum: ['a', 'b'] },
      limit: { type: 'integer', minimum: 1, maximum: 100 },
      slug: { type: 'string', pattern: '^[a-z]+$' },
      // JSON Schema patterns have no flags: a case-insensitive rule is not claimed.
      caseless: { type: 'string' },
      memberIds: { type: 'array', maxItems: 5, items: { type: 'string', format: 'uuid' } },
      tags: { type: 'array', items: { type: 'string', maxLength: 3 } },
    });
    expect(schemas.Unrelated.properties.ownerId).toEqual({ type: 'string' });
  });
});

class AlternativesProbe {
  @AlternativeTo('email') @IsString() handle?: string;
  @AlternativeTo('handle') @IsEmail() email?: string;
  @IsIn(['editor', 'viewer']) role!: string;
}

class VariantsProbe {
  @IsIn(['direct', 'group', 'channel']) kind!: string;
  @ValidateWhen('kind', 'direct') @IsUUID() recipientId?: string;
  @ValidateWhen('kind', 'group') @IsString() title?: string;
  @ValidateWhen('kind', 'group') @IsUUID('all', { each: true }) memberIds?: string[];
}

describe('documenting conditions between fields as oneOf', () => {
  const object = (properties: Record<string, unknown>, required: string[]) => ({
    type: 'object',
    properties,
    required,
  });

  it('states an AlternativeTo pair as exactly one of two required-sets, each field with its rules', () => {
    const schemas: Record<string, any> = {
      AlternativesProbe: object({ handle: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' } }, [
        'role',
      ]),
    };
    constrainComponentSchemas(schemas);
    expect(AlternativesProbe.name).toBe('AlternativesProbe'); // matched by the class's name
    expect(schemas.AlternativesProbe.oneOf).toEqual([
      object({ email: { type: 'string', format: 'email' } }, ['email']),
      object({ handle: { type: 'string' } }, ['handle']),
    ]);
    expect(schemas.AlternativesProbe.description).toBe('Exactly one of `email` and `handle`.');
    expect(schemas.AlternativesProbe.required).toEqual(['role']);
  });

  it('states ValidateWhen variants as one branch per value, an enum value without fields included', () => {
    const schemas: Record<string, any> = {
      VariantsProbe: object(
        {
          kind: { type: 'string' },
          recipientId: { type: 'string' },
          title: { type: 'string' },
          memberIds: { type: 'array', items: { type: 'string' } },
        },
        ['kind'],
      ),
    };
    constrainComponentSchemas(schemas);
    expect(VariantsProbe.name).toBe('VariantsProbe');
    const kind = (value: string) => ({ type: 'string', enum: [value] });
    expect(schemas.VariantsProbe.oneOf).toEqual([
      object({ kind: kind('direct'), recipientId: { type: 'string', format: 'uuid' } }, ['kind', 'recipientId']),
      object(
        {
          kind: kind('group'),
          title: { type: 'string' },
          memberIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
        },
        ['kind', 'title', 'memberIds'],
      ),
      object({ kind: kind('channel') }, ['kind']),
    ]);
  });
});
