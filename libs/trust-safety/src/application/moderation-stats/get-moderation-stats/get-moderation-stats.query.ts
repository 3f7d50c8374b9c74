import { Query } from '@nestjs/cqrs';
import type { ModerationStatsView } from '../moderation-stats.js';

export class GetModerationStatsQuery extends Query<ModerationStatsView> {
  constructor(readonly windowDays: number) {
    super();
  }
}
