import { Injectable } from '@nestjs/common';
import { ModerationDecision, type ModerationAction } from '../../domain/actions/moderation-decision.js';
import { ModerationEffects } from '../actions/moderation-effects.js';

/**
 * DMCA steps are moderation decisions taken by the platform itself (no moderator): the video's owner
 * context applies them from `content-actioned.v1`, the uploader is told through `moderation-decided.v1`,
 * and each lands in the audit log, exactly like a moderator's.
 */
@Injectable()
export class DmcaDecisions {
  constructor(private readonly effects: ModerationEffects) {}

  async decide(input: {
    action: Extract<ModerationAction, 'remove' | 'restore' | 'ban'>;
    target: { type: string; id: string };
    uploaderId: string;
    rule: string;
    reason: string;
    at: Date;
  }): Promise<ModerationDecision> {
    const decision = ModerationDecision.make({
      itemId: null,
      moderatorId: null,
      action: input.action,
      target: input.target,
      subjectUserId: input.uploaderId,
      reason: input.reason,
      rule: input.rule,
      timeoutHours: null,
      reporterIds: [],
      at: input.at,
    });
    await this.effects.apply(decision);
    return decision;
  }
}
