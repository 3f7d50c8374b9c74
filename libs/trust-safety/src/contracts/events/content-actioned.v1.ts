import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { CONTENT_TYPES, type ContentType } from '../content-screening.js';

export const CONTENT_ACTIONS = ['approve', 'hide', 'remove', 'restore'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

/**
 * A moderator (or the policy) decided what happens to a piece of content. The context that owns the
 * content consumes this and hides, removes or restores it in its own tables; `approve` releases a
 * held item. Consumers ignore types they do not own.
 */
export class ContentActionedV1 extends IntegrationEvent {
  static override readonly type = 'trust-safety.content-actioned.v1';

  @IsUUID() readonly decisionId!: string;
  @IsIn(CONTENT_TYPES) readonly contentType!: ContentType;
  @IsString() readonly contentId!: string;
  @IsIn(CONTENT_ACTIONS) readonly action!: ContentAction;
  /** The policy rule or report category the decision cites. */
  @IsOptional() @IsString() readonly rule!: string | null;
  @IsString() readonly reason!: string;
  @IsISO8601() readonly decidedAt!: string;

  constructor(payload: ContentActionedV1) {
    super();
    Object.assign(this, payload);
  }
}
