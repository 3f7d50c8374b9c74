import { OutboundEventMap } from '@lib/platform';
import { AccountSanctionChangedV1, ContentActionedV1, ModerationDecidedV1 } from '../contracts/index.js';
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
  .on(ModerationDecided, (event) => [
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
    ...sanctionImposed(event),
  ]);

const SANCTION_OF: Partial<Record<ModerationDecided['action'], AccountSanctionChangedV1['sanction']>> = {
  timeout: 'timeout',
  suspend: 'suspension',
  ban: 'ban',
};

/** A decision that sanctions an account also announces the sanction, for the contexts that apply it. */
function sanctionImposed(event: ModerationDecided): AccountSanctionChangedV1[] {
  const sanction = SANCTION_OF[event.action];
  if (!sanction || !event.subjectUserId) return [];
  return [
    new AccountSanctionChangedV1({
      userId: event.subjectUserId,
      sanction,
      change: 'imposed',
      until: sanction === 'timeout' ? (event.mutedUntil?.toISOString() ?? null) : null,
      changedAt: event.occurredAt.toISOString(),
    }),
  ];
}
