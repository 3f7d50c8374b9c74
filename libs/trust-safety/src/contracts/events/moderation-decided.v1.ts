import { IntegrationEvent } from '@lib/platform';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';

export const MODERATION_DECISION_ACTIONS = [
  'dismiss',
  'approve',
  'hide',
  'remove',
  'restore',
  'warn',
  'timeout',
  'suspend',
  'ban',
] as const;

/** Set when the event tells the subject how their appeal against the decision was decided. */
export class AppealOutcomeV1 {
  @IsUUID() readonly appealId!: string;
  @IsIn(['upheld', 'denied']) readonly outcome!: 'upheld' | 'denied';
}

/**
 * A moderation decision the people involved should hear about: the subject (what was decided, why,
 * and where to appeal) and the reporters (the outcome of their reports). Engagement turns it into
 * `moderation.decision` notifications.
 */
export class ModerationDecidedV1 extends IntegrationEvent {
  static override readonly type = 'trust-safety.moderation-decided.v1';

  @IsUUID() readonly decisionId!: string;
  @IsIn(MODERATION_DECISION_ACTIONS) readonly action!: (typeof MODERATION_DECISION_ACTIONS)[number];
  /** Whose account or content it was; null when unknown. */
  @IsOptional() @IsUUID() readonly subjectUserId!: string | null;
  @IsArray() @IsUUID('all', { each: true }) readonly reporterIds!: string[];
  @IsString() readonly targetType!: string;
  @IsString() readonly targetId!: string;
  @IsOptional() @IsString() readonly rule!: string | null;
  @IsString() readonly reason!: string;
  /** Timeouts: when the mute ends. */
  @IsOptional() @IsISO8601() readonly mutedUntil!: string | null;
  /** Where the subject appeals (relative to the API). */
  @IsString() readonly appealPath!: string;
  /** Absent on a decision; on an appeal's outcome, which appeal and how it went (`action` is the appealed one). */
  @IsOptional() @ValidateNested() @Type(() => AppealOutcomeV1) readonly appeal?: AppealOutcomeV1 | null;
  @IsISO8601() readonly decidedAt!: string;

  constructor(payload: ModerationDecidedV1) {
    super();
    Object.assign(this, payload);
  }
}
