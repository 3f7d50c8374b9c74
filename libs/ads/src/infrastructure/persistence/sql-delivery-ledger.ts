import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AdRevenueSettlement, type DecisionClaims, type Placement } from '../../domain/index.js';
import {
  DeliveryLedger,
  type ClickOutcome,
  type ImpressionOutcome,
  type MetricsRow,
} from '../../application/ads-ports.js';

type Row = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (value: string | null) => (value && UUID.test(value) ? value : null);

@Injectable()
export class SqlDeliveryLedger extends DeliveryLedger {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async recordImpression(claims: DecisionClaims, eventId: string, at: Date): Promise<ImpressionOutcome> {
    if (!UUID.test(claims.d) || !UUID.test(claims.c)) return { outcome: 'unknown-creative' };
    // One statement: the primary key on decision_id makes a replay insert nothing, so nothing else moves.
    const [row] = await this.em.execute<Row[]>(
      `with ins as (
         insert into ads.impressions (decision_id, event_id, creative_id, campaign_id, placement, viewer_key, video_id,
           creator_id, cost_millis, currency, occurred_at)
         select ?, ?, cr.id, c.id, cr.placement, ?, ?, ?, c.cpm, c.currency, ?
           from ads.creatives cr join ads.campaigns c on c.id = cr.campaign_id where cr.id = ?
         on conflict (decision_id) do nothing
         returning campaign_id, creative_id, placement, cost_millis, currency, occurred_at),
       spent as (
         update ads.campaigns c set spend_millis = c.spend_millis + ins.cost_millis, impressions = c.impressions + 1
           from ins where c.id = ins.campaign_id
         returning c.id, c.spend_millis, c.impressions, c.total_budget, c.impression_goal, ins.cost_millis),
       daily as (
         insert into ads.daily_stats (day, creative_id, campaign_id, placement, currency, impressions, spend_millis)
         select (occurred_at at time zone 'utc')::date, creative_id, campaign_id, placement, currency, 1, cost_millis from ins
         on conflict (day, creative_id) do update
           set impressions = ads.daily_stats.impressions + 1, spend_millis = ads.daily_stats.spend_millis + excluded.spend_millis
         returning 1)
       select spent.*, (select count(*) from daily) as days,
              (select event_id from ads.impressions where decision_id = ?) as existing_event
         from (select 1) one left join spent on true`,
      [claims.d, eventId, claims.v, uuidOrNull(claims.vid), uuidOrNull(claims.cr), at, claims.c, claims.d],
    );
    if (row?.id) {
      const spent = Number(row.spend_millis);
      const exhausted =
        (row.total_budget !== null && spent >= Number(row.total_budget) * 1000) ||
        (row.impression_goal !== null && Number(row.impressions) >= Number(row.impression_goal));
      return { outcome: 'counted', campaignId: row.id as string, costMillis: Number(row.cost_millis), exhausted };
    }
    // The CTE's insert is invisible to the outer select, so `existing_event` is an earlier one.
    if (row?.existing_event === undefined || row.existing_event === null) return { outcome: 'unknown-creative' };
    return row.existing_event === eventId ? { outcome: 'duplicate' } : { outcome: 'replayed' };
  }

  async recordClick(claims: DecisionClaims, eventId: string, at: Date): Promise<ClickOutcome> {
    if (!UUID.test(claims.d)) return 'no-impression';
    const [row] = await this.em.execute<Row[]>(
      `with imp as (select * from ads.impressions where decision_id = ?),
       ins as (
         insert into ads.clicks (decision_id, event_id, creative_id, occurred_at)
         select decision_id, ?, creative_id, ? from imp
         on conflict (decision_id) do nothing
         returning creative_id, occurred_at),
       daily as (
         insert into ads.daily_stats (day, creative_id, campaign_id, placement, currency, clicks)
         select (ins.occurred_at at time zone 'utc')::date, imp.creative_id, imp.campaign_id, imp.placement, imp.currency, 1
           from ins join imp on true
         on conflict (day, creative_id) do update set clicks = ads.daily_stats.clicks + 1
         returning 1)
       select (select count(*) from imp) as impressions, (select count(*) from ins) as inserted,
              (select count(*) from daily) as days,
              (select event_id from ads.clicks where decision_id = ?) as existing_event`,
      [claims.d, eventId, at, claims.d],
    );
    if (Number(row?.inserted) > 0) return 'counted';
    if (Number(row?.impressions) === 0) return 'no-impression';
    return row?.existing_event === eventId ? 'duplicate' : 'replayed';
  }

  async metrics(range: { from: string; to: string }, campaignId?: string): Promise<MetricsRow[]> {
    const rows = await this.em.execute<Row[]>(
      `select to_char(day, 'YYYY-MM-DD') as day, campaign_id, creative_id, placement, currency, impressions, clicks, spend_millis
         from ads.daily_stats where day between ?::date and ?::date ${campaignId && UUID.test(campaignId) ? 'and campaign_id = ?' : ''}
        order by day, creative_id`,
      campaignId && UUID.test(campaignId) ? [range.from, range.to, campaignId] : [range.from, range.to],
    );
    return rows.map((row) => ({
      day: String(row.day),
      campaignId: String(row.campaign_id),
      creativeId: String(row.creative_id),
      placement: row.placement as Placement,
      currency: String(row.currency),
      impressions: Number(row.impressions),
      clicks: Number(row.clicks),
      spendMillis: Number(row.spend_millis),
    }));
  }

  async settle(share: number, at: Date): Promise<AdRevenueSettlement[]> {
    return this.em.transactional(async (em) => {
      // Locked rows belong to a settlement running elsewhere; they are left to it.
      const groups = await em.execute<Row[]>(
        `with picked as (
           select decision_id, creator_id, currency, cost_millis from ads.impressions
            where settlement_id is null for update skip locked)
         select creator_id, currency, count(*) as impressions, sum(cost_millis) as gross_millis,
                array_agg(decision_id::text) as decisions
           from picked group by creator_id, currency order by creator_id, currency`,
      );
      const settlements: AdRevenueSettlement[] = [];
      for (const group of groups) {
        const settlement = new AdRevenueSettlement(
          (group.creator_id as string | null) ?? null,
          String(group.currency),
          Number(group.impressions),
          Number(group.gross_millis),
          share,
          at,
        );
        await em.execute('update ads.impressions set settlement_id = ? where decision_id = any(?::uuid[])', [
          settlement.id,
          `{${(group.decisions as string[]).join(',')}}`,
        ]);
        em.persist(settlement);
        settlements.push(settlement);
      }
      return settlements;
    });
  }
}
