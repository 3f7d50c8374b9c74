import { OutboundEventMap } from '@lib/platform';
import {
  AccountSanctionChangedV1,
  AppealOutcomeV1,
  ContentActionedV1,
  ModerationDecidedV1,
} from '../../contracts/index.js';
import { AppealDecided, AppealRestoredContent } from '../../domain/appeals/appeal.js';
import { SanctionLifted } from '../../domain/appeals/sanction-lift.js';

/** Where the appellant finds their appeals. */
const APPEALS_PATH = '/v1/appeals';

/** Appeal outcomes and lifted sanctions, as other contexts hear of them. */
export const appealOutboundEvents = new OutboundEventMap()
  .on(
    AppealRestoredContent,
    (event) =>
      new ContentActionedV1({
        decisionId: event.aggregateId,
        contentType: event.contentType as ContentActionedV1['contentType'],
        contentId: event.contentId,
        action: 'restore',
        rule: 'appeal.upheld',
        reason: event.reason,
        decidedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    AppealDecided,
    (event) =>
      new ModerationDecidedV1({
        decisionId: event.decisionId,
        action: event.originalAction as ModerationDecidedV1['action'],
        subjectUserId: event.appellantId,
        // Reporters heard the original outcome; an appeal is between the person and the moderators.
        reporterIds: [],
        targetType: event.targetType,
        targetId: event.targetId,
        rule: null,
        reason: event.reason,
        mutedUntil: null,
        appealPath: APPEALS_PATH,
        // An instance, not a plain object: the outbox validates nested values against their class.
        appeal: Object.assign(new AppealOutcomeV1(), { appealId: event.aggregateId, outcome: event.outcome }),
        decidedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    SanctionLifted,
    (event) =>
      new AccountSanctionChangedV1({
        userId: event.userId,
        sanction: event.sanction,
        change: 'lifted',
        until: null,
        changedAt: event.liftedAt.toISOString(),
      }),
  );
