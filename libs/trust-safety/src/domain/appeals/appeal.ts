import { AggregateRoot, DomainEvent, newId } from '@lib/platform/ddd';
import type { ModerationAction } from '../actions/moderation-decision.js';
import type { AccountSanctionKind } from '../../contracts/index.js';
import {
  AppealSameModeratorError,
  AppealTextMissingError,
  AppealTextTooLongError,
  AppealWindowClosedError,
  AppealableDecisionNotFoundError,
  DecisionNotAppealableError,
} from './appeal.errors.js';
import { APPEAL_TEXT_MAX, APPEAL_WINDOW_DAYS } from './appeal-limits.js';

export { APPEAL_TEXT_MAX, APPEAL_WINDOW_DAYS };

export const APPEAL_OUTCOMES = ['uphold', 'deny'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export type AppealStatus = 'open' | 'upheld' | 'denied';

/** What an upheld appeal undoes, per original action; `warn` has nothing to undo but the record. */
export function reversalOf(action: string): { content: boolean; sanction: AccountSanctionKind | null } {
  return {
    content: action === 'hide' || action === 'remove',
    sanction: action === 'timeout' ? 'timeout' : action === 'suspend' ? 'suspension' : action === 'ban' ? 'ban' : null,
  };
}

/** Only decisions against the person can be appealed; dismiss, approve and restore found nothing. */
export const APPEALABLE_ACTIONS: readonly ModerationAction[] = ['hide', 'remove', 'warn', 'timeout', 'suspend', 'ban'];

/** The facts of a moderation decision an appeal needs. */
export interface AppealableDecision {
  id: string;
  moderatorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  subjectUserId: string | null;
  createdAt: Date;
}

/** The appeal was decided: the appellant hears the outcome. */
export class AppealDecided extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly decisionId: string,
    readonly appellantId: string,
    readonly outcome: 'upheld' | 'denied',
    readonly originalAction: string,
    readonly targetType: string,
    readonly targetId: string,
    readonly reason: string,
  ) {
    super();
  }
}

/** An upheld appeal against a hide or remove: the owning context restores its content. */
export class AppealRestoredContent extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly contentType: string,
    readonly contentId: string,
    readonly reason: string,
  ) {
    super();
  }
}

/** A person's request that a moderator other than the one who acted look at a decision again. */
export class Appeal extends AggregateRoot {
  id!: string;
  decisionId!: string;
  appellantId!: string;
  text!: string;
  status!: AppealStatus;
  /** The review queue item (kind `appeal`) that carries it to moderators. */
  itemId!: string;
  originalModeratorId!: string | null;
  originalAction!: string;
  targetType!: string;
  targetId!: string;
  decidedBy!: string | null;
  decisionReason!: string | null;
  decidedAt!: Date | null;
  createdAt!: Date;

  /** Checks who may appeal what and when; the caller has made sure no appeal exists yet. */
  static file(input: {
    decision: AppealableDecision | null;
    appellantId: string;
    text: string;
    itemId: string;
    now: Date;
  }): Appeal {
    const { decision } = input;
    if (!decision || decision.subjectUserId !== input.appellantId) throw new AppealableDecisionNotFoundError();
    if (!APPEALABLE_ACTIONS.includes(decision.action as ModerationAction))
      throw new DecisionNotAppealableError(decision.action);
    const closesAt = new Date(decision.createdAt.getTime() + APPEAL_WINDOW_DAYS * 86_400_000);
    if (input.now > closesAt) throw new AppealWindowClosedError(closesAt);
    const text = Appeal.checkText(input.text);
    return Object.assign(new Appeal(), {
      id: newId(),
      decisionId: decision.id,
      appellantId: input.appellantId,
      text,
      status: 'open' as const,
      itemId: input.itemId,
      originalModeratorId: decision.moderatorId,
      originalAction: decision.action,
      targetType: decision.targetType,
      targetId: decision.targetId,
      decidedBy: null,
      decisionReason: null,
      decidedAt: null,
      createdAt: input.now,
    });
  }

  static checkText(raw: string): string {
    const text = raw.trim();
    if (!text) throw new AppealTextMissingError();
    if (text.length > APPEAL_TEXT_MAX) throw new AppealTextTooLongError(text.length);
    return text;
  }

  /** The acting moderator never judges their own decision, even one already appealed and decided. */
  assertMayDecide(moderatorId: string): void {
    if (this.originalModeratorId === moderatorId) throw new AppealSameModeratorError();
  }

  isOpen(): boolean {
    return this.status === 'open';
  }

  /** Decides an open appeal; what an upheld one reverses on accounts is the caller's (sanctions live elsewhere). */
  decide(moderatorId: string, outcome: AppealOutcome, reason: string, now: Date): void {
    this.assertMayDecide(moderatorId);
    if (!this.isOpen()) return;
    this.status = outcome === 'uphold' ? 'upheld' : 'denied';
    this.decidedBy = moderatorId;
    this.decisionReason = reason;
    this.decidedAt = now;
    if (this.status === 'upheld' && reversalOf(this.originalAction).content) {
      this.record(new AppealRestoredContent(this.id, this.targetType, this.targetId, reason));
    }
    this.record(
      new AppealDecided(
        this.id,
        this.decisionId,
        this.appellantId,
        this.status,
        this.originalAction,
        this.targetType,
        this.targetId,
        reason,
      ),
    );
  }
}

export abstract class AppealRepository {
  /** The decision, locked for the transaction: two appeals on it at once are filed one after the other. */
  abstract decisionForAppeal(decisionId: string): Promise<AppealableDecision | null>;
  abstract byDecision(decisionId: string): Promise<Appeal | null>;
  abstract find(appealId: string, options?: { lock?: boolean }): Promise<Appeal | null>;
  abstract ofAppellant(
    appellantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Appeal[]; nextCursor?: string }>;
  abstract add(appeal: Appeal): Promise<void>;
  abstract save(appeal: Appeal): Promise<void>;
  /** Queues the appeal for moderators as a review item of kind `appeal`, with the id the appeal carries. */
  abstract enqueue(input: {
    itemId: string;
    appealId: string;
    appellantId: string;
    originalAction: string;
    at: Date;
  }): Promise<void>;
}
