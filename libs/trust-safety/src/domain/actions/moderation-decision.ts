import { AggregateRoot, DomainEvent, newId } from '@lib/platform/ddd';

export const CONTENT_MODERATION_ACTIONS = ['approve', 'hide', 'remove', 'restore'] as const;
export const ACCOUNT_MODERATION_ACTIONS = ['warn', 'timeout', 'suspend', 'ban'] as const;
/** `dismiss` closes an item with no violation found. */
export const MODERATION_ACTIONS = ['dismiss', ...CONTENT_MODERATION_ACTIONS, ...ACCOUNT_MODERATION_ACTIONS] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export type ContentModerationAction = (typeof CONTENT_MODERATION_ACTIONS)[number];

/** Actions that confirm a violation by the subject: they count towards automatic escalation. */
export const CONFIRMED_VIOLATIONS: readonly ModerationAction[] = [
  'hide',
  'remove',
  'warn',
  'timeout',
  'suspend',
  'ban',
];

/** DMCA steps are rules of their own (`dmca`, `dmca.…`): the repeat-infringer path counts them, escalation does not. */
export function isDmcaRule(rule: string | null): boolean {
  return rule === 'dmca' || (rule?.startsWith('dmca.') ?? false);
}

export const ESCALATION_RULE = 'escalation.repeat-offender';

export function isContentAction(action: ModerationAction): action is ContentModerationAction {
  return (CONTENT_MODERATION_ACTIONS as readonly string[]).includes(action);
}

/** The owning context hides, removes, restores or releases its content. */
export class ContentActioned extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly contentType: string,
    readonly contentId: string,
    readonly action: ContentModerationAction,
    readonly rule: string | null,
    readonly reason: string,
  ) {
    super();
  }
}

/** A decision the subject (and the reporters) should hear about. */
export class ModerationDecided extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly action: ModerationAction,
    readonly subjectUserId: string | null,
    readonly reporterIds: string[],
    readonly targetType: string,
    readonly targetId: string,
    readonly rule: string | null,
    readonly reason: string,
    readonly mutedUntil: Date | null,
  ) {
    super();
  }
}

/** What a moderator (or the escalation rule) decided about one target; immutable once made. */
export class ModerationDecision extends AggregateRoot {
  /** For an automatic escalation: the decision whose violation tipped the count (undone with it on appeal). */
  triggeredById: string | null = null;

  constructor(
    readonly id: string,
    readonly itemId: string | null,
    /** Null when the platform decided by itself (automatic escalation). */
    readonly moderatorId: string | null,
    readonly action: ModerationAction,
    readonly targetType: string,
    readonly targetId: string,
    readonly subjectUserId: string | null,
    readonly reason: string,
    readonly rule: string | null,
    readonly timeoutHours: number | null,
    readonly createdAt: Date,
  ) {
    super();
  }

  static make(input: {
    itemId: string | null;
    moderatorId: string | null;
    action: ModerationAction;
    target: { type: string; id: string };
    subjectUserId: string | null;
    reason: string;
    rule: string | null;
    timeoutHours: number | null;
    reporterIds: string[];
    at: Date;
    triggeredById?: string | null;
  }): ModerationDecision {
    const decision = new ModerationDecision(
      newId(),
      input.itemId,
      input.moderatorId,
      input.action,
      input.target.type,
      input.target.id,
      input.subjectUserId,
      input.reason,
      input.rule,
      input.timeoutHours,
      input.at,
    );
    decision.triggeredById = input.triggeredById ?? null;
    if (isContentAction(input.action)) {
      decision.record(
        new ContentActioned(decision.id, input.target.type, input.target.id, input.action, input.rule, input.reason),
      );
    }
    const mutedUntil =
      input.action === 'timeout' && input.timeoutHours
        ? new Date(input.at.getTime() + input.timeoutHours * 3_600_000)
        : null;
    decision.record(
      new ModerationDecided(
        decision.id,
        input.action,
        input.subjectUserId,
        input.reporterIds,
        input.target.type,
        input.target.id,
        input.rule,
        input.reason,
        mutedUntil,
      ),
    );
    return decision;
  }

  endOfMute(): Date | null {
    return this.action === 'timeout' && this.timeoutHours
      ? new Date(this.createdAt.getTime() + this.timeoutHours * 3_600_000)
      : null;
  }
}

export abstract class ModerationDecisionRepository {
  abstract add(decision: ModerationDecision): Promise<void>;
  abstract byItem(itemId: string): Promise<ModerationDecision | null>;
  /**
   * Confirmed violations by the subject since `since` that automatic escalation counts: not DMCA steps
   * (they have their own repeat-infringer path), not automatic timeouts (consequences, not conduct) and
   * not decisions overturned by an upheld appeal.
   */
  abstract violationsSince(subjectUserId: string, since: Date): Promise<number>;
  /** The automatic escalation this decision triggered, if any. */
  abstract escalationTriggeredBy(decisionId: string): Promise<ModerationDecision | null>;
}
