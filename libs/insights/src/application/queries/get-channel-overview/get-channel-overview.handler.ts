import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChannelNotFoundError } from '../../../domain/insights.errors.js';
import { previousPeriod, reportRange } from '../../../domain/report-range.js';
import { AnalyticsReader } from '../../analytics-reader.js';
import { AnalyticsAccess } from '../../analytics-access.js';
import { withComparison } from '../../dashboard-metrics.js';
import { ExperimentTracking } from '../../experiments/experiment-tracking.js';
import { GetChannelOverviewQuery } from './get-channel-overview.query.js';

/** A channel's headline figures (optionally against the previous period) and their time series. */
@QueryHandler(GetChannelOverviewQuery)
export class GetChannelOverviewHandler implements IQueryHandler<GetChannelOverviewQuery> {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly access: AnalyticsAccess,
    private readonly recommendations: ExperimentTracking,
  ) {}

  async execute(query: GetChannelOverviewQuery) {
    const range = reportRange(query.from, query.to, query.tz, query.granularity);
    await this.access.require(query.userId, query.channelId, 'basic', () => new ChannelNotFoundError(query.channelId));
    const current = await this.reader.totals('channel', query.channelId, range.from, range.to);
    const before = query.compare === 'previous' ? previousPeriod(range) : null;
    const previous = before ? await this.reader.totals('channel', query.channelId, before.from, before.to) : null;
    return {
      channelId: query.channelId,
      range: {
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        tz: range.tz,
        granularity: range.granularity,
      },
      previousRange: before ? { from: before.from.toISOString(), to: before.to.toISOString() } : null,
      metrics: withComparison(current, previous),
      series: await this.reader.series('channel', query.channelId, range),
      // Creators' view of recommendations: how often their videos were shown and clicked, per surface.
      recommendations: await this.recommendationReach(query.channelId, range.from, range.to),
    };
  }

  private async recommendationReach(channelId: string, from: Date, to: Date) {
    const reach = await this.recommendations.reachOfChannel(channelId, from, to);
    const impressions = reach.surfaces.reduce((sum, surface) => sum + surface.impressions, 0);
    const clicks = reach.surfaces.reduce((sum, surface) => sum + surface.clicks, 0);
    return {
      impressions,
      clicks,
      ctr: impressions ? clicks / impressions : 0,
      surfaces: reach.surfaces.map((surface) => ({
        ...surface,
        ctr: surface.impressions ? surface.clicks / surface.impressions : 0,
      })),
      topVideos: reach.videos,
    };
  }
}
