import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import type { SignalKind } from '../../../domain/recommendations/recommender.js';
import { RECOMMENDATION_FEEDBACK_RATE } from '../../interaction-limits.js';
import { VideoAccess } from '../../videos/video-access.js';
import { RecommendationCache, RecommendationSignals } from '../recommendation-ports.js';
import { GiveRecommendationFeedbackCommand, type RecommendationFeedback } from './give-feedback.command.js';

/** "Not interested" hides the video until taken back; a skip only weighs against it (docs/adr/0043 weights). */
const SIGNAL_OF: Record<RecommendationFeedback, SignalKind> = { not_interested: 'dislike', skipped: 'skip' };

/**
 * Feedback is a taste signal written in the request's transaction (no event leaves for it, as with
 * saves), and the person's cached lists are forgotten after the commit so the next request reflects it.
 */
@CommandHandler(GiveRecommendationFeedbackCommand)
export class GiveRecommendationFeedbackHandler implements ICommandHandler<GiveRecommendationFeedbackCommand> {
  constructor(
    private readonly signals: RecommendationSignals,
    private readonly cache: RecommendationCache,
    private readonly access: VideoAccess,
    private readonly rateLimiter: RateLimiter,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId: personId, videoId, feedback }: GiveRecommendationFeedbackCommand): Promise<void> {
    await this.rateLimiter.consume(RECOMMENDATION_FEEDBACK_RATE, personId);
    // Teasers the plan cannot play are recommended too, so published is enough to give feedback on.
    if (feedback) await this.access.requirePublished(videoId);
    await this.unitOfWork.transactional(async () => {
      if (feedback) {
        const signal = { personId, videoId, kind: SIGNAL_OF[feedback], value: 1, at: new Date() };
        await this.signals.apply({ op: 'set', signal, eventId: newId() });
      } else {
        for (const kind of Object.values(SIGNAL_OF))
          await this.signals.apply({ op: 'withdraw', personId, videoId, kind });
      }
      this.unitOfWork.afterCommit(() => this.cache.forget(personId));
    });
  }
}
