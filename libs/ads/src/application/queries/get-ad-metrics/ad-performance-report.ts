import { Injectable } from '@nestjs/common';
import { AdPerformance, type AdPerformanceReport } from '../../../contracts/ad-performance.js';
import { AdsCatalog, DeliveryLedger, DeliveryState } from '../../ads-ports.js';
import { foldMetrics, loadMetrics, MAX_METRIC_DAYS } from './get-ad-metrics.handler.js';

const DAY_MS = 86_400_000;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The UTC days the instants [from, to) touch, cut to the last MAX_METRIC_DAYS of them. */
export function metricDays(range: { from: Date; to: Date }): { from: string; to: string; truncated: boolean } {
  const lastDay = Math.floor((range.to.getTime() - 1) / DAY_MS) * DAY_MS;
  const firstDay = Math.floor(range.from.getTime() / DAY_MS) * DAY_MS;
  const earliest = lastDay - (MAX_METRIC_DAYS - 1) * DAY_MS;
  return { from: dayOf(Math.max(firstDay, earliest)), to: dayOf(lastDay), truncated: firstDay < earliest };
}

/** The admin metrics, grouped four ways for insights' platform overview; campaign rows carry the campaign's name. */
@Injectable()
export class AdPerformanceReporter extends AdPerformance {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly state: DeliveryState,
    private readonly catalog: AdsCatalog,
  ) {
    super();
  }

  async report(range: { from: Date; to: Date }): Promise<AdPerformanceReport> {
    const { from, to, truncated } = metricDays(range);
    const [{ rows, counts }, campaigns] = await Promise.all([
      loadMetrics(this.ledger, this.state, from, to),
      this.catalog.campaigns({ includeArchived: true }),
    ]);
    const names = new Map(campaigns.map((campaign) => [campaign.id, campaign.name]));
    return {
      from,
      to,
      truncated,
      byCampaign: foldMetrics(rows, counts, 'campaign').map((row) => ({ ...row, name: names.get(row.key) })),
      byCreative: foldMetrics(rows, counts, 'creative'),
      byPlacement: foldMetrics(rows, counts, 'placement'),
      byDay: foldMetrics(rows, counts, 'day'),
    };
  }
}
