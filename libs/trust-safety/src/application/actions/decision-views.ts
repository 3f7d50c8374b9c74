import type { ModerationDecision } from '../../domain/actions/moderation-decision.js';

export interface DecisionView {
  id: string;
  itemId: string | null;
  moderatorId: string | null;
  action: string;
  target: { type: string; id: string };
  subjectUserId: string | null;
  reason: string;
  rule: string | null;
  mutedUntil: string | null;
  createdAt: string;
  /** The escalation the decision triggered (repeat offender timed out), if any. */
  escalation?: DecisionView | null;
}

export function toDecisionView(decision: ModerationDecision, escalation?: ModerationDecision | null): DecisionView {
  return {
    id: decision.id,
    itemId: decision.itemId,
    moderatorId: decision.moderatorId,
    action: decision.action,
    target: { type: decision.targetType, id: decision.targetId },
    subjectUserId: decision.subjectUserId,
    reason: decision.reason,
    rule: decision.rule,
    mutedUntil: decision.endOfMute()?.toISOString() ?? null,
    createdAt: decision.createdAt.toISOString(),
    ...(escalation !== undefined ? { escalation: escalation && toDecisionView(escalation) } : {}),
  };
}
