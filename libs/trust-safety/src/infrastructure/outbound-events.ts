import { OutboundEventMap } from '@lib/platform';
import { ContentActionedV1, ModerationDecidedV1 } from '../contracts/index.js';
import { ContentActioned, ModerationDecided } from '../domain/actions/moderation-decision.js';

/** Where a subject appeals a decision (appeals are the next piece of the context). */
export const appealPath = (decisionId: string) => `/v1/appeals?decisionId=${decisionId}`;

/** Which moderation facts leave the context, and in what shape. */
export const moderationOutboundEvents = new OutboundEventMap()
  .on(
    ContentActioned,
    (event) =>
      new ContentActionedV1({
        decisionId: event.aggregateId,
        contentType: event.contentType as ContentActionedV1['contentType'],
        contentId: event.contentId,
        action: event.action,
        rule: event.rule,
        reason: event.reason,
        decidedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    ModerationDecided,
    (event) =>
      new ModerationDecidedV1({
        decisionId: event.aggregateId,
        action: event.action,
        subjectUserId: event.subjectUserId,
        reporterIds: event.reporterIds,
        targetType: event.targetType,
        targetId: event.targetId,
        rule: event.rule,
        reason: event.reason,
        mutedUntil: event.mutedUntil?.toISOString() ?? null,
        appealPath: appealPath(event.aggregateId),
        decidedAt: event.occurredAt.toISOString(),
      }),
  );
