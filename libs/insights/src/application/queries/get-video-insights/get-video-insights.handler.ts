import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { VideoNotFoundError } from '../../../domain/insights.errors.js';
import { previousPeriod, reportRange, retentionCurve } from '../../../domain/report-range.js';
import { AnalyticsReader } from '../../analytics-reader.js';
import { AnalyticsAccess } from '../../analytics-access.js';
import { withComparison } from '../../dashboard-metrics.js';
import { VideoDirectory } from '../../video-directory.js';
import { GetVideoInsightsQuery } from './get-video-insights.query.js';

/** One video: the channel figures plus its audience retention curve, traffic sources, countries and devices. */
@QueryHandler(GetVideoInsightsQuery)
export class GetVideoInsightsHandler implements IQueryHandler<GetVideoInsightsQuery> {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly access: AnalyticsAccess,
    private readonly videos: VideoDirectory,
  ) {}

  async execute(query: GetVideoInsightsQuery) {
    const range = reportRange(query.from, query.to, query.tz);
    const channelId = await this.videos.channelOf(query.videoId);
    // Unknown video and someone else's video answer alike: ids are not probed.
    if (!channelId) throw new VideoNotFoundError(query.videoId);
    await this.access.require(query.userId, channelId, 'advanced', () => new VideoNotFoundError(query.videoId));
    const current = await this.reader.totals('video', query.videoId, range.from, range.to);
    const before = query.compare === 'previous' ? previousPeriod(range) : null;
    const previous = before ? await this.reader.totals('video', query.videoId, before.from, before.to) : null;
    return {
      videoId: query.videoId,
      channelId,
      range: {
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        tz: range.tz,
        granularity: range.granularity,
      },
      metrics: withComparison(current, previous),
      series: await this.reader.series('video', query.videoId, range),
      retention: retentionCurve(await this.reader.reachHistogram(query.videoId, range.from, range.to)),
      trafficSources: await this.reader.breakdown('video', query.videoId, 'source', range.from, range.to),
      countries: await this.reader.breakdown('video', query.videoId, 'country', range.from, range.to),
      devices: await this.reader.breakdown('video', query.videoId, 'device', range.from, range.to),
    };
  }
}
