import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID } from 'class-validator';
import { SCREENING_ACTIONS, SCREENING_SURFACES, type ScreeningSurface } from '../../contracts/index.js';
import { SCREENING_SIGNALS } from '../../domain/policy/moderation-policy.js';

class PolicyRuleDoc {
  @ApiProperty({ enum: SCREENING_SIGNALS }) signal!: string;
  @ApiProperty({ enum: SCREENING_ACTIONS.filter((a) => a !== 'allow') }) action!: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, default: 1, description: 'The score from which the rule fires' })
  atLeast?: number;
}

class PolicyLinksDoc {
  @ApiProperty({
    type: [String],
    example: ['youtube.com'],
    description: 'Domains (and their subdomains) links may point to freely',
  })
  allow!: string[];
  @ApiProperty({
    type: [String],
    example: ['bit.ly'],
    description: 'Domains (and their subdomains) whose links fire `denied-link`',
  })
  deny!: string[];
}

class PolicyLimitsDoc {
  @ApiProperty({ example: 5, description: 'Most @mentions when the author’s standing sets none' }) maxMentions!: number;
  @ApiProperty({ example: 3, description: 'Times the same author may post the same text within the window' })
  repeats!: number;
  @ApiProperty({ example: 600 }) repeatWindowSeconds!: number;
}

const SURFACES_SCHEMA = {
  type: 'object',
  description: `Rules per surface (${SCREENING_SURFACES.join(', ')}); the strictest rule that fires decides`,
  additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/PolicyRuleDoc' } },
} as const;

/**
 * The whole policy, replaced at once. Its deep shape is checked by the domain (every problem listed
 * in one 400 `trust-safety.policy.invalid`), so only the top level is declared here.
 */
export class PolicyDocumentRequest {
  @ApiProperty(SURFACES_SCHEMA) @IsObject() surfaces!: Record<string, unknown>;
  @ApiPropertyOptional({ type: PolicyLinksDoc }) @IsOptional() @IsObject() links?: Record<string, unknown>;
  @ApiPropertyOptional({ type: PolicyLimitsDoc }) @IsOptional() @IsObject() limits?: Record<string, unknown>;
}

export class PolicyResponse {
  @ApiProperty({ example: 3, description: 'Every edit is a new version; 1 is the built-in default' }) version!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) editedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) editedAt!: Date | null;
  @ApiProperty(SURFACES_SCHEMA) surfaces!: Record<string, PolicyRuleDoc[]>;
  @ApiProperty({ type: PolicyLinksDoc }) links!: PolicyLinksDoc;
  @ApiProperty({ type: PolicyLimitsDoc }) limits!: PolicyLimitsDoc;
}

export class DryRunRequest {
  @ApiProperty({ enum: SCREENING_SURFACES }) @IsIn(SCREENING_SURFACES) surface!: ScreeningSurface;
  @ApiProperty({ maxLength: 20_000 }) @IsString() text!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Whose posting history (repetition) and limits (mentions) to apply; the caller’s by default',
  })
  @IsOptional()
  @IsUUID()
  authorId?: string;
}

class SignalDoc {
  @ApiProperty({ example: 'profanity' }) signal!: string;
  @ApiProperty({ example: 1 }) score!: number;
  @ApiPropertyOptional({ example: 'fuck' }) detail?: string;
}

export class VerdictResponse {
  @ApiProperty({ enum: SCREENING_ACTIONS }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'message.profanity' }) rule!: string | null;
  @ApiProperty({ type: [SignalDoc] }) signals!: SignalDoc[];
  @ApiProperty() policyVersion!: number;
  @ApiProperty({ type: String, nullable: true, example: 'nb-20261202-195042' }) spamModelVersion!: string | null;
}

export { PolicyRuleDoc };
