import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidAdInputError } from '../../../domain/index.js';
import { DeliveryLedger, DeliveryState, type MetricsRow } from '../../ads-ports.js';
import { GetAdMetricsQuery, type AdMetricsRow, type AdMetricsView } from './get-ad-metrics.query.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Request counters live 100 days in Redis; reports stay inside them. */
export const MAX_METRIC_DAYS = 92;

export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** Delivery rows from PostgreSQL, request and decision counters from Redis, folded per group. */
@QueryHandler(GetAdMetricsQuery)
export class GetAdMetricsHandler implements IQueryHandler<GetAdMetricsQuery, AdMetricsView> {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly state: DeliveryState,
  ) {}

  async execute({ from, to, groupBy, campaignId }: GetAdMetricsQuery): Promise<AdMetricsView> {
    if (
      !DATE.test(from) ||
      !DATE.test(to) ||
      Number.isNaN(Date.parse(from)) ||
      Number.isNaN(Date.parse(to)) ||
      from > to
    )
      throw new InvalidAdInputError('from and to must be dates (YYYY-MM-DD), from not after to', { field: 'from' });
    if (daysOf(from, to).length > MAX_METRIC_DAYS)
      throw new InvalidAdInputError(`At most ${MAX_METRIC_DAYS} days at once`, { field: 'to' });
    const { rows, counts } = await loadMetrics(this.ledger, this.state, from, to, campaignId);
    return { from, to, groupBy, rows: foldMetrics(rows, counts, groupBy) };
  }
}

/** Delivery rows and the days' request and decision counters over UTC days [from, to]. */
export async function loadMetrics(
  ledger: DeliveryLedger,
  state: DeliveryState,
  from: string,
  to: string,
  campaignId?: string,
): Promise<{ rows: MetricsRow[]; counts: Map<string, number> }> {
  const [rows, counts] = await Promise.all([
    ledger.metrics({ from, to }, campaignId),
    state.decisionCounts(daysOf(from, to)),
  ]);
  return { rows, counts };
}

const keyOf = (row: MetricsRow, groupBy: AdMetricsView['groupBy']) =>
  groupBy === 'campaign'
    ? row.campaignId
    : groupBy === 'creative'
      ? row.creativeId
      : groupBy === 'placement'
        ? row.placement
        : row.day;

/** Sums the delivery rows per group and currency; requests and decisions come from the day's counters. */
export function foldMetrics(
  rows: MetricsRow[],
  counts: Map<string, number>,
  groupBy: AdMetricsView['groupBy'],
): AdMetricsRow[] {
  const groups = new Map<string, { row: AdMetricsRow; spendMillis: number; scopes: Set<string>; fills: Set<string> }>();
  for (const row of rows) {
    const key = keyOf(row, groupBy);
    const id = `${key}|${row.currency}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        row: {
          key,
          currency: row.currency,
          requests: 0,
          decisions: 0,
          impressions: 0,
          clicks: 0,
          ctr: 0,
          spend: 0,
          rpm: 0,
          fillRate: 0,
        },
        spendMillis: 0,
        scopes: new Set(),
        fills: new Set(),
      };
      groups.set(id, group);
    }
    group.row.impressions += row.impressions;
    group.row.clicks += row.clicks;
    group.spendMillis += row.spendMillis;
    group.scopes.add(`${row.day}|req:${row.placement}`);
    // Decisions are counted per creative and day: each (creative, day) adds its count once.
    group.fills.add(`${row.day}|fill:cr:${row.creativeId}`);
  }
  return [...groups.values()]
    .map(({ row, spendMillis, scopes, fills }) => {
      const requests = [...scopes].reduce((sum, scope) => sum + (counts.get(scope) ?? 0), 0);
      const decisions = [...fills].reduce((sum, fill) => sum + (counts.get(fill) ?? 0), 0);
      const spend = spendMillis / 1000;
      return {
        ...row,
        requests,
        decisions,
        spend,
        ctr: row.impressions ? row.clicks / row.impressions : 0,
        rpm: requests ? (spend * 1000) / requests : 0,
        fillRate: requests ? Math.min(1, decisions / requests) : 0,
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
}
