import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { AccountDirectory } from '@lib/identity/contracts';
import { AuditLog } from '../../contracts/index.js';
import {
  ESCALATION_RULE,
  isDmcaRule,
  ModerationDecision,
  ModerationDecisionRepository,
  type ModerationAction,
} from '../../domain/actions/moderation-decision.js';
import { AccountSanctionRepository } from '../../domain/standing/account-sanction.js';

const ESCALATING: readonly ModerationAction[] = ['hide', 'remove', 'warn'];

/**
 * What a saved decision does inside its transaction: sanctions on the account (ban ends every session
 * through identity's contract), the audit entry, and automatic escalation of repeat offenders.
 */
@Injectable()
export class ModerationEffects {
  constructor(
    private readonly decisions: ModerationDecisionRepository,
    private readonly sanctions: AccountSanctionRepository,
    private readonly accounts: AccountDirectory,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /** Saves the decision and applies it; returns the escalation decision it triggered, if any. */
  async apply(decision: ModerationDecision): Promise<ModerationDecision | null> {
    await this.decisions.add(decision);
    await this.sanction(decision);
    await this.audit.record({
      actorId: decision.moderatorId,
      action: `trust-safety.moderation.${decision.action}`,
      target: { type: decision.targetType, id: decision.targetId },
      reason: decision.reason,
      data: {
        decisionId: decision.id,
        itemId: decision.itemId,
        rule: decision.rule,
        subjectUserId: decision.subjectUserId,
        mutedUntil: decision.endOfMute()?.toISOString() ?? null,
      },
    });
    return this.escalate(decision);
  }

  private async sanction(decision: ModerationDecision): Promise<void> {
    const userId = decision.subjectUserId;
    if (!userId) return;
    const muteEnd = decision.endOfMute();
    if (muteEnd) await this.sanctions.muteUntil(userId, muteEnd, decision.createdAt);
    if (decision.action === 'suspend') await this.sanctions.suspend(userId, decision.createdAt);
    if (decision.action === 'ban') {
      await this.sanctions.ban(userId, decision.createdAt);
      await this.accounts.endAllSessions(userId);
    }
  }

  /** N confirmed violations in the window: the account is timed out, once per mute in force. */
  private async escalate(decision: ModerationDecision): Promise<ModerationDecision | null> {
    const userId = decision.subjectUserId;
    // Timeouts, suspensions and bans are sanctions already; escalation follows the lighter ones.
    if (!userId || !ESCALATING.includes(decision.action)) return null;
    // A DMCA takedown is no conduct violation: repeat infringers have their own path (a ban at N notices).
    if (isDmcaRule(decision.rule)) return null;
    const { violations, windowDays, timeoutHours } = this.config.moderation.escalation;
    const since = new Date(decision.createdAt.getTime() - windowDays * 86_400_000);
    if ((await this.decisions.violationsSince(userId, since)) < violations) return null;
    const sanction = await this.sanctions.of(userId);
    if (sanction?.mutedUntil && sanction.mutedUntil > decision.createdAt) return null;
    const escalation = ModerationDecision.make({
      itemId: null,
      moderatorId: null,
      action: 'timeout',
      target: { type: 'user', id: userId },
      subjectUserId: userId,
      reason: `Automatic timeout: ${violations} confirmed violations within ${windowDays} days`,
      rule: ESCALATION_RULE,
      timeoutHours,
      reporterIds: [],
      at: decision.createdAt,
      triggeredById: decision.id,
    });
    await this.apply(escalation);
    return escalation;
  }
}
