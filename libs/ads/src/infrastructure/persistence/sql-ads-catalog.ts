import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CampaignTerms, LiveCampaign, LiveCreative, Placement } from '../../domain/index.js';
import {
  AdsCatalog,
  type AdvertiserView,
  type CampaignView,
  type CreativeView,
  type LiveSnapshot,
} from '../../application/ads-ports.js';

type Row = Record<string, unknown>;
const iso = (value: unknown) => new Date(value as string).toISOString();
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toCampaign = (row: Row): CampaignView => ({
  id: String(row.id),
  advertiserId: String(row.advertiser_id),
  name: String(row.name),
  status: row.status as CampaignView['status'],
  startsAt: iso(row.starts_at),
  endsAt: iso(row.ends_at),
  currency: String(row.currency),
  cpm: Number(row.cpm),
  totalBudget: num(row.total_budget),
  dailyBudget: num(row.daily_budget),
  impressionGoal: num(row.impression_goal),
  frequencyCap: num(row.frequency_cap),
  targeting: row.targeting ?? {},
  impressions: Number(row.impressions),
  spent: Math.floor(Number(row.spend_millis) / 1000),
  spentMillis: Number(row.spend_millis),
  createdAt: iso(row.created_at),
  archivedAt: row.archived_at == null ? null : iso(row.archived_at),
});

const toCreative = (row: Row): CreativeView => ({
  id: String(row.id),
  campaignId: String(row.campaign_id),
  placement: row.placement as Placement,
  clickUrl: String(row.click_url),
  videoId: (row.video_id as string | null) ?? null,
  imageUrl: (row.image_url as string | null) ?? null,
  createdAt: iso(row.created_at),
  archivedAt: row.archived_at == null ? null : iso(row.archived_at),
});

/** The columns of a campaign's editable terms, in the order `termValues` gives them. */
const TERM_COLUMNS = [
  'name',
  'starts_at',
  'ends_at',
  'cpm',
  'total_budget',
  'daily_budget',
  'impression_goal',
  'frequency_cap',
  'targeting',
] as const;

const termValues = (terms: CampaignTerms) => [
  terms.name,
  terms.startsAt,
  terms.endsAt,
  terms.cpm,
  terms.totalBudget,
  terms.dailyBudget,
  terms.impressionGoal,
  terms.frequencyCap,
  JSON.stringify(terms.targeting),
];

@Injectable()
export class SqlAdsCatalog extends AdsCatalog {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async addAdvertiser({ id, name }: { id: string; name: string }): Promise<AdvertiserView> {
    const [row] = await this.em.execute<Row[]>('insert into ads.advertisers (id, name) values (?, ?) returning *', [
      id,
      name,
    ]);
    return { id: String(row.id), name: String(row.name), createdAt: iso(row.created_at) };
  }

  async advertisers(): Promise<AdvertiserView[]> {
    const rows = await this.em.execute<Row[]>('select * from ads.advertisers order by created_at, id');
    return rows.map((row) => ({ id: String(row.id), name: String(row.name), createdAt: iso(row.created_at) }));
  }

  async advertiserExists(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return (await this.em.execute<Row[]>('select 1 from ads.advertisers where id = ?', [id])).length > 0;
  }

  async addCampaign(id: string, terms: CampaignTerms): Promise<CampaignView> {
    const [row] = await this.em.execute<Row[]>(
      `insert into ads.campaigns (id, advertiser_id, currency, ${TERM_COLUMNS.join(', ')})
       values (?, ?, ?, ${TERM_COLUMNS.map((column) => (column === 'targeting' ? '?::jsonb' : '?')).join(', ')})
       returning *`,
      [id, terms.advertiserId, terms.currency, ...termValues(terms)],
    );
    return toCampaign(row);
  }

  async updateCampaign(id: string, terms: CampaignTerms): Promise<CampaignView | null> {
    if (!UUID.test(id)) return null;
    // The delivery guard repeats the domain's check in the statement, so an impression counted meanwhile is seen.
    const [row] = await this.em.execute<Row[]>(
      `update ads.campaigns
          set ${TERM_COLUMNS.map((column) => `${column} = ?${column === 'targeting' ? '::jsonb' : ''}`).join(', ')}
       where id = ? and status <> 'archived'
         and (?::bigint is null or ?::bigint * 1000 >= spend_millis)
         and (?::bigint is null or ?::bigint >= impressions)
       returning *`,
      [...termValues(terms), id, terms.totalBudget, terms.totalBudget, terms.impressionGoal, terms.impressionGoal],
    );
    return row ? toCampaign(row) : null;
  }

  async archiveCampaign(id: string): Promise<CampaignView | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>(
      `update ads.campaigns set status = 'archived', archived_at = coalesce(archived_at, now()) where id = ? returning *`,
      [id],
    );
    return row ? toCampaign(row) : null;
  }

  async archiveCreative(id: string): Promise<CreativeView | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>(
      'update ads.creatives set archived_at = coalesce(archived_at, now()) where id = ? returning *',
      [id],
    );
    return row ? toCreative(row) : null;
  }

  async campaign(id: string): Promise<CampaignView | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>('select * from ads.campaigns where id = ?', [id]);
    return row ? toCampaign(row) : null;
  }

  async campaigns({ includeArchived }: { includeArchived: boolean }): Promise<CampaignView[]> {
    const rows = await this.em.execute<Row[]>(
      `select * from ads.campaigns ${includeArchived ? '' : "where status <> 'archived'"} order by created_at desc, id`,
    );
    return rows.map(toCampaign);
  }

  async setStatus(id: string, status: 'active' | 'paused'): Promise<CampaignView | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>(
      `update ads.campaigns set status = ? where id = ? and status <> 'archived' returning *`,
      [status, id],
    );
    return row ? toCampaign(row) : null;
  }

  async addCreative(creative: Omit<CreativeView, 'createdAt' | 'archivedAt'>): Promise<CreativeView> {
    const [row] = await this.em.execute<Row[]>(
      `insert into ads.creatives (id, campaign_id, placement, click_url, video_id, image_url)
       values (?, ?, ?, ?, ?, ?) returning *`,
      [creative.id, creative.campaignId, creative.placement, creative.clickUrl, creative.videoId, creative.imageUrl],
    );
    return toCreative(row);
  }

  async creativesOf(campaignId: string, { includeArchived }: { includeArchived: boolean }): Promise<CreativeView[]> {
    if (!UUID.test(campaignId)) return [];
    const rows = await this.em.execute<Row[]>(
      `select * from ads.creatives where campaign_id = ? ${includeArchived ? '' : 'and archived_at is null'}
       order by created_at, id`,
      [campaignId],
    );
    return rows.map(toCreative);
  }

  async live(now: Date): Promise<LiveSnapshot> {
    const campaignRows = await this.em.execute<Row[]>(
      `select c.*, coalesce(d.spend_millis, 0) as spent_today, coalesce(d.impressions, 0) as impressions_today
         from ads.campaigns c
         left join (select campaign_id, sum(spend_millis) as spend_millis, sum(impressions) as impressions
                      from ads.daily_stats where day = (?::timestamptz at time zone 'utc')::date group by campaign_id) d
           on d.campaign_id = c.id
        where c.status = 'active' and c.starts_at <= ? and c.ends_at > ?`,
      [now, now, now],
    );
    const campaigns: LiveCampaign[] = campaignRows.map((row) => ({
      id: String(row.id),
      startsAt: new Date(row.starts_at as string).getTime(),
      endsAt: new Date(row.ends_at as string).getTime(),
      cpm: Number(row.cpm),
      totalBudget: num(row.total_budget),
      dailyBudget: num(row.daily_budget),
      impressionGoal: num(row.impression_goal),
      frequencyCap: num(row.frequency_cap),
      targeting: row.targeting ?? {},
      spentMillis: Number(row.spend_millis),
      spentTodayMillis: Number(row.spent_today),
      impressions: Number(row.impressions),
      impressionsToday: Number(row.impressions_today),
    }));
    if (!campaigns.length) return { campaigns, creatives: [] };
    const creativeRows = await this.em.execute<Row[]>(
      'select * from ads.creatives where campaign_id = any(?::uuid[]) and archived_at is null order by id',
      [`{${campaigns.map((c) => c.id).join(',')}}`],
    );
    const creatives: LiveCreative[] = creativeRows.map((row) => {
      const { createdAt: _createdAt, archivedAt: _archivedAt, ...creative } = toCreative(row);
      return creative;
    });
    return { campaigns, creatives };
  }
}
