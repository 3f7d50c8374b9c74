import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ProblemDocument {
  @ApiProperty({ example: 'about:blank' }) type!: string;
  @ApiProperty({ example: 'Conflict' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ example: 'identity.email.taken', description: 'Stable machine-readable reason' }) code!: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ example: '/v1/auth/register' }) instance?: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ description: 'validation.failed only: each offending field and why' })
  errors?: { field: string; messages: string[] }[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, unknown or invalid fields (`validation.failed`)',
  401: 'Missing, expired or forged credentials',
  402: 'The plan lacks it or a quota is used up (`billing.plan.upgrade-required`: `cheapestPlan`; `billing.quota.exceeded`: `entitlement`, `limit`, `used`, `upgradeTo`, `liftedBy`)',
  403: 'Authenticated but not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  422: 'A business rule refused it',
  429: 'Rate limited (see Retry-After)',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDocument),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocument) } } },
      }),
    ),
  );
}
