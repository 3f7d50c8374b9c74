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
  @ApiProperty() total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/FacetCountResponse' } },
  })
  facets!: Record<string, FacetCountResponse[]>;
  @ApiPropertyOptional() nextCursor?: string;
}

export { FacetCountResponse };
