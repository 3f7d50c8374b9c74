import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AdPerformance } from '@lib/ads/contracts';
import { REVENUE_STREAM_NAMES, type RevenueStreamsDay } from '@lib/billing/contracts';
import { reportRange } from '../../../domain/report-range.js';
import { AnalyticsReader } from '../../analytics-reader.js';
import { GetPlatformOverviewQuery } from './get-platform-overview.query.js';

/**
 * Admins: active users, signups, weekly cohorts, the conversion funnel, top content, MRR and churn (UTC days), and
 * the revenue streams besides subscriptions (tips, commission, gifts, ads, overage) per day and currency, rolled up
 * from billing's journal entries (`billing.revenue-recorded.v1`), so both dashboards sum the same entries; ad delivery
 * (impressions, clicks, CTR, spend, RPM, fill rate per campaign, creative, placement and day) from ads' port, the same
 * figures as ads' admin metrics.
 */
@QueryHandler(GetPlatformOverviewQuery)
export class GetPlatformOverviewHandler implements IQueryHandler<GetPlatformOverviewQuery> {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly ads: AdPerformance,
  ) {}

  async execute(query: GetPlatformOverviewQuery) {
    const range = reportRange(query.from, query.to, 'UTC', 'day');
    const [revenueStreams, ads] = await Promise.all([
      this.reader.revenueStreams({ from: range.from, to: range.to }),
      this.ads.report({ from: range.from, to: range.to }),
    ]);
    return {
      range: { from: range.from.toISOString(), to: range.to.toISOString(), tz: 'UTC' },
      ...(await this.reader.platform(range)),
      revenueStreams,
      revenueStreamTotals: totalsPerCurrency(revenueStreams),
      ads,
    };
  }
}

/** The range's net per stream, one entry per currency (cents of different currencies are never added). */
function totalsPerCurrency(days: RevenueStreamsDay[]): Array<Omit<RevenueStreamsDay, 'day'>> {
  const totals = new Map<string, Omit<RevenueStreamsDay, 'day'>>();
  for (const day of days) {
    const total = totals.get(day.currency) ?? {
      currency: day.currency,
      streams: Object.fromEntries(REVENUE_STREAM_NAMES.map((name) => [name, 0])) as RevenueStreamsDay['streams'],
    };
    for (const name of REVENUE_STREAM_NAMES) total.streams[name] += day.streams[name];
    totals.set(day.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
