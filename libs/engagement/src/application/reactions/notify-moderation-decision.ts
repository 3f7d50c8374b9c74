import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ModerationDecidedV1 } from '@lib/trust-safety/contracts';
import { Notifier } from '../notifier.js';

const SUBJECT_TEXT: Record<string, string> = {
  hide: 'Some of your content was hidden',
  remove: 'Some of your content was removed',
  warn: 'You received a warning',
  timeout: 'You are temporarily muted',
  suspend: 'Your account is suspended',
  ban: 'Your account is banned',
};

/**
 * Moderation outcomes: the subject hears what was decided, why, and where to appeal (in the app and
 * by e-mail); each reporter hears that their report was handled (in the app; never who else reported).
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-moderation-decision', on: [ModerationDecidedV1] })
export class NotifyModerationDecision implements EventConsumer<ModerationDecidedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope }: ConsumerContext<ModerationDecidedV1>): Promise<void> {
    if (event.appeal) return this.appealDecided(event, envelope.id);
    const headline = SUBJECT_TEXT[event.action];
    if (event.subjectUserId && headline) {
      const until = event.mutedUntil ? ` until ${event.mutedUntil}` : '';
      await this.notifier.notify({
        occurrence: envelope.id,
        userId: event.subjectUserId,
        type: 'moderation.decision',
        subjectId: event.decisionId,
        data: {
          role: 'subject',
          action: event.action,
          targetType: event.targetType,
          targetId: event.targetId,
          rule: event.rule,
          reason: event.reason,
          mutedUntil: event.mutedUntil,
          appealPath: event.appealPath,
        },
        email: {
          subject: headline,
          text: `${headline}${until}.\n\nReason: ${event.reason}${event.rule ? ` (rule ${event.rule})` : ''}\n\nIf you think this is a mistake, you can appeal: ${event.appealPath}`,
        },
      });
    }
    for (const reporterId of event.reporterIds) {
      await this.notifier.notify({
        occurrence: envelope.id,
        userId: reporterId,
        type: 'moderation.decision',
        subjectId: event.decisionId,
        data: {
          role: 'reporter',
          outcome: event.action === 'dismiss' || event.action === 'approve' ? 'no-violation' : 'actioned',
          targetType: event.targetType,
          targetId: event.targetId,
        },
      });
    }
  }

  /** The subject's appeal was decided: upheld reverses the decision, denied keeps it. */
  private async appealDecided(event: ModerationDecidedV1, occurrence: string): Promise<void> {
    if (!event.subjectUserId || !event.appeal) return;
    const upheld = event.appeal.outcome === 'upheld';
    const headline = upheld ? 'Your appeal was upheld: the decision is reversed' : 'Your appeal was denied';
    await this.notifier.notify({
      occurrence,
      userId: event.subjectUserId,
      type: 'moderation.decision',
      subjectId: event.appeal.appealId,
      data: {
        role: 'appellant',
        appealId: event.appeal.appealId,
        outcome: event.appeal.outcome,
        decisionId: event.decisionId,
        action: event.action,
        targetType: event.targetType,
        targetId: event.targetId,
        reason: event.reason,
      },
      email: {
        subject: headline,
        text: `${headline}.\n\nReason: ${event.reason}\n\nYour appeals: ${event.appealPath}`,
      },
    });
  }
}
