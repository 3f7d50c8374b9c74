import type { Appeal } from '../../domain/appeals/appeal.js';

/** An appeal as its appellant sees it. */
export interface AppealView {
  id: string;
  decisionId: string;
  status: 'open' | 'upheld' | 'denied';
  text: string;
  decision: { action: string; targetType: string; targetId: string };
  /** The moderator's reason once decided (never who decided: that is for moderators). */
  outcomeReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** What moderators see: who appealed, who made the original decision, who decided the appeal. */
export interface AppealDetailView extends AppealView {
  appellantId: string;
  itemId: string;
  originalModeratorId: string | null;
  decidedBy: string | null;
}

export function toAppealView(appeal: Appeal): AppealView {
  return {
    id: appeal.id,
    decisionId: appeal.decisionId,
    status: appeal.status,
    text: appeal.text,
    decision: { action: appeal.originalAction, targetType: appeal.targetType, targetId: appeal.targetId },
    outcomeReason: appeal.decisionReason,
    decidedAt: appeal.decidedAt?.toISOString() ?? null,
    createdAt: appeal.createdAt.toISOString(),
  };
}

export function toAppealDetailView(appeal: Appeal): AppealDetailView {
  return {
    ...toAppealView(appeal),
    appellantId: appeal.appellantId,
    itemId: appeal.itemId,
    originalModeratorId: appeal.originalModeratorId,
    decidedBy: appeal.decidedBy,
  };
}
