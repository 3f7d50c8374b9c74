import { Command } from '@nestjs/cqrs';

/** What a viewer can tell about a recommended video besides watching it. */
export const RECOMMENDATION_FEEDBACK = ['not_interested', 'skipped'] as const;
export type RecommendationFeedback = (typeof RECOMMENDATION_FEEDBACK)[number];

/** "Not interested" or "skipped" on a video (`feedback: null` takes both back); repeating one only refreshes it. */
export class GiveRecommendationFeedbackCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly feedback: RecommendationFeedback | null,
  ) {
    super();
  }
}
