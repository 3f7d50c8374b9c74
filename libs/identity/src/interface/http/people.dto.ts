import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { ROLES } from '../../domain/user/role.js';

export class SearchPeopleRequest extends CursorPageQuery {
  @ApiPropertyOptional({ description: 'Handle or name; typos and unfinished words are tolerated', example: 'ada lov' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: ['full', 'autocomplete'],
    default: 'full',
    description: '`autocomplete`: the last word is still being typed',
  })
  @IsOptional()
  @IsIn(['full', 'autocomplete'])
  mode: 'full' | 'autocomplete' = 'full';

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: string;
}

export class PersonHitResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) bio!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) avatarUrl!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Relevance (higher is better)' }) score!:
    number | null;
}

class FacetCountResponse {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

export class PeopleSearchResponse {
  @ApiProperty({ type: [PersonHitResponse] }) items!: PersonHitResponse[];
  @ApiProperty({ description: 'Matching people: exact when `totalRelation` is `eq`, at least this many when `gte`' })
  total!: number;
  @ApiProperty({
    enum: ['eq', 'gte'],
    description: 'eq: `total` is exact; gte: more people match than are counted (1,000), `total` is a lower bound',
  })
  totalRelation!: 'eq' | 'gte';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/FacetCountResponse' } },
  })
  facets!: Record<string, FacetCountResponse[]>;
  @ApiProperty({
    description:
      'true: facet counts cover every match. false (only with totalRelation gte): counted over the 1,000 ' +
      'longest-standing matching accounts, so each is a lower bound',
  })
  facetsExhaustive!: boolean;
  @ApiPropertyOptional() nextCursor?: string;
}

export { FacetCountResponse };
