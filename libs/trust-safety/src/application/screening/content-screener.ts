import { Injectable, Optional } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import {
  AccountStandings,
  ContentRefusedError,
  ContentScreening,
  type ScreeningRequest,
  type ScreeningSignal,
  type ScreeningVerdict,
} from '../../contracts/index.js';
import { decide, signalsUsedOn, type ModerationPolicy } from '../../domain/policy/moderation-policy.js';
import { RepetitionCounter } from '../../domain/screening/repetition-counter.js';
import { Screening } from '../../domain/screening/screening.js';
import { MAX_SCREENED_TEXT_LENGTH, ScreenedTextTooLongError } from '../../domain/screening/screening.errors.js';
import { ScreeningRepository } from '../../domain/screening/screening.repository.js';
import { CurrentPolicy } from '../policy/current-policy.js';
import { QueueUpdates } from '../review-queue/queue-updates.js';
import { ReviewQueue } from '../review-queue/review-queue.js';
import { SpamScorer } from '../spam/spam-scorer.js';
import { findLinks } from './signals/links.js';
import { findProfanity } from './signals/profanity.js';
import { countMentions, fingerprint, withoutMentions } from './signals/text-shape.js';
import { levelGateOn } from '../trust-scores/level-gates.js';

/**
 * The in-process screening every user-written text passes (docs/adr/0024): signals computed here,
 * the policy in force maps them to an action. Only the signals the surface's rules use are computed;
 * the repetition count is the one network call (Redis), and only on surfaces with a repetition rule.
 */
@Injectable()
export class ContentScreener extends ContentScreening {
  constructor(
    private readonly policy: CurrentPolicy,
    private readonly spam: SpamScorer,
    private readonly repetitions: RepetitionCounter,
    private readonly screenings: ScreeningRepository,
    private readonly reviewQueue: ReviewQueue,
    private readonly updates: QueueUpdates,
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly standings?: AccountStandings,
  ) {
    super();
  }

  check(request: ScreeningRequest): Promise<ScreeningVerdict> {
    return this.evaluate(request, { count: false });
  }

  async screen(request: ScreeningRequest): Promise<ScreeningVerdict> {
    const verdict = await this.assess(request);
    await this.record(request, verdict);
    return verdict;
  }

  async assess(request: ScreeningRequest): Promise<ScreeningVerdict> {
    const verdict = await this.evaluate(request, { count: true });
    if (verdict.action !== 'refuse' || !verdict.rule) return verdict;
    // On its own connection: whatever the caller had begun is rolled back by the throw.
    if (request.content)
      await this.screenings.recordRefusal(Screening.of({ ...request, content: request.content }, verdict));
    throw new ContentRefusedError({
      surface: request.surface,
      rule: verdict.rule,
      signals: verdict.signals.map((s) => s.signal),
    });
  }

  async record(request: ScreeningRequest, verdict: ScreeningVerdict): Promise<void> {
    // Nothing to review when allowed; a refusal stores nothing (assess threw).
    const { action } = verdict;
    if (!request.content || !verdict.rule || action === 'allow' || action === 'refuse') return;
    const screening = Screening.of({ ...request, content: request.content }, verdict);
    await this.screenings.recordWithContent(screening);
    // Same transaction as the content: the moderator's item exists exactly when the content does.
    const itemId = await this.reviewQueue.addScreening({ ...screening, action });
    this.pushAfterCommit(itemId);
  }

  /** Moderators watching the queue see the new item once the content's transaction commits. */
  private pushAfterCommit(itemId: string): void {
    const push = () => this.updates.changed(itemId);
    try {
      this.unitOfWork.afterCommit(push);
    } catch {
      // Called outside a unit of work: the item's insert has committed on its own already.
      void push().catch(() => undefined);
    }
  }

  private async evaluate(request: ScreeningRequest, options: { count: boolean }): Promise<ScreeningVerdict> {
    if (request.text.length > MAX_SCREENED_TEXT_LENGTH) throw new ScreenedTextTooLongError(request.text.length);
    const policy = await this.policy.get();
    const { signals, spamModelVersion } = await this.signals(request, policy, options);
    const gate = await this.levelGate(request);
    if (gate)
      return {
        action: 'refuse',
        rule: gate.rule,
        signals: [...signals, gate.signal],
        policyVersion: policy.version,
        spamModelVersion,
      };
    const { action, rule } = decide(policy, request.surface, signals);
    return { action, rule, signals, policyVersion: policy.version, spamModelVersion };
  }

  private async signals(
    { surface, text, authorId }: ScreeningRequest,
    policy: ModerationPolicy,
    options: { count: boolean },
  ): Promise<{ signals: ScreeningSignal[]; spamModelVersion: string | null }> {
    const used = signalsUsedOn(policy, surface);
    const signals: ScreeningSignal[] = [];
    let spamModelVersion: string | null = null;
    if (!text.trim()) return { signals, spamModelVersion };

    if (used.has('profanity') || used.has('slur')) {
      const { profane, slurs } = findProfanity(withoutMentions(text));
      if (profane.length) signals.push({ signal: 'profanity', score: 1, detail: profane.join(', ') });
      if (slurs.length) signals.push({ signal: 'slur', score: 1, detail: slurs.join(', ') });
    }
    if (used.has('link') || used.has('denied-link')) {
      const { unlisted, denied } = findLinks(text, policy.links);
      if (unlisted.length) signals.push({ signal: 'link', score: 1, detail: unlisted.slice(0, 10).join(', ') });
      if (denied.length) signals.push({ signal: 'denied-link', score: 1, detail: denied.slice(0, 10).join(', ') });
    }
    if (used.has('mentions')) {
      const mentions = countMentions(text);
      const limit = mentions > 0 ? await this.mentionLimit(authorId, policy) : policy.limits.maxMentions;
      if (mentions > limit)
        signals.push({ signal: 'mentions', score: 1, detail: `${mentions} mentions, limit ${limit}` });
    }
    if (used.has('spam')) {
      const spam = this.spam.score(text);
      if (spam) {
        spamModelVersion = spam.modelVersion;
        signals.push({ signal: 'spam', score: round(spam.probability) });
      }
    }
    if (used.has('repetition')) {
      const { repeats, repeatWindowSeconds } = policy.limits;
      const seen = await this.repetitions.seen(authorId, fingerprint(text), repeatWindowSeconds, options);
      // The text is a repetition once the author posts it more often than `repeats` times.
      if (seen > repeats) {
        signals.push({ signal: 'repetition', score: 1, detail: `${seen} times in ${repeatWindowSeconds} s` });
      }
    }
    return { signals, spamModelVersion };
  }

  /** The author's trust level gates (docs/adr/0036), before the policy; none when standings are unknown. */
  private async levelGate({ surface, text, authorId }: ScreeningRequest) {
    // Most texts have neither a dotted name nor an @: no standing read for them.
    if (!this.standings || !authorId || !MAY_TRIP_A_GATE.test(text)) return null;
    const standing = await this.standings.standingOf(authorId).catch(() => null);
    return standing ? levelGateOn(surface, text, standing) : null;
  }

  /** The author's own limit when trust & safety keeps standings, else the policy's. */
  private async mentionLimit(authorId: string, policy: ModerationPolicy): Promise<number> {
    if (!this.standings) return policy.limits.maxMentions;
    try {
      return (await this.standings.standingOf(authorId)).limits.maxMentions;
    } catch {
      return policy.limits.maxMentions;
    }
  }
}

const MAY_TRIP_A_GATE = /[\p{L}\p{N}-]\.[\p{L}\p{N}]|@/u;
const round = (score: number) => Math.round(score * 1_000) / 1_000;
