import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Neighbor, SignalKind, VideoFeatures } from '../../domain/recommendations/recommender.js';
import {
  NeighbourStore,
  type CoCounts,
  type CoWatchSignal,
} from '../../application/recommendations/recommendation-ports.js';
import { ELIGIBLE, FEATURE_COLUMNS, toFeatures, type FeatureRow } from './sql-recommendations.read-model.js';

const CURSOR = 'co_watch';

interface PairRow {
  video_a: string;
  video_b: string;
  people: number;
}

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;
const CHUNK = 1_000;

/**
 * The neighbour job's SQL. Its cursor is a transaction id: it reads the signals written by
 * transactions below the oldest one still running, so a slow commit is never skipped.
 */
@Injectable()
export class SqlNeighbourStore extends NeighbourStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async lock(): Promise<void> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('engagement.recommendation-neighbours'))`);
  }

  async signalsSinceCursor(limit: number): Promise<{ signals: CoWatchSignal[]; position: string; more: boolean }> {
    const [range] = await this.em.execute<Array<{ since: string; upto: string }>>(
      `select coalesce((select position::text from engagement.rec_job_cursors where name = ?), '0') as since,
              pg_snapshot_xmin(pg_current_snapshot())::text as upto`,
      [CURSOR],
    );
    // The batch ends before the transaction holding its (limit + 1)-th signal, so a transaction is
    // never split; a first transaction larger than the limit goes whole.
    const [cut] = await this.em.execute<Array<{ tx: string }>>(
      `with pending as (select tx from engagement.rec_signals where tx >= ?::xid8 and tx < ?::xid8),
            nth as (select tx from pending order by tx offset ? limit 1),
            first as (select tx from pending order by tx limit 1)
       select coalesce(
         case when (select tx from nth) = (select tx from first)
              then (select tx from pending where tx > (select tx from nth) order by tx limit 1)
              else (select tx from nth) end,
         ?::xid8)::text as tx`,
      [range.since, range.upto, limit, range.upto],
    );
    const rows = await this.em.execute<
      Array<{ person_id: string; video_id: string; kind: SignalKind; value: number; occurred_at: Date | string }>
    >(
      `select person_id, video_id, kind, value, occurred_at from engagement.rec_signals
        where tx >= ?::xid8 and tx < ?::xid8`,
      [range.since, cut.tx],
    );
    return {
      position: cut.tx,
      more: cut.tx !== range.upto,
      signals: rows.map((row) => ({
        personId: row.person_id,
        videoId: row.video_id,
        kind: row.kind,
        value: Number(row.value),
        at: new Date(row.occurred_at),
      })),
    };
  }

  async saveCursor(position: string): Promise<void> {
    await this.em.execute(
      `insert into engagement.rec_job_cursors (name, position) values (?, ?::xid8)
       on conflict (name) do update set position = excluded.position`,
      [CURSOR, position],
    );
  }

  async addMembers(
    members: Array<{ personId: string; videoId: string; at: Date }>,
    partners: number,
  ): Promise<{ fresh: string[]; pairs: Array<{ a: string; b: string }> }> {
    const freshVideos = new Set<string>();
    const pairs = new Map<string, { a: string; b: string }>();
    for (let start = 0; start < members.length; start += CHUNK) {
      const chunk = members.slice(start, start + CHUNK);
      const fresh = await this.em.execute<Array<{ person_id: string; video_id: string; seq: string }>>(
        `insert into engagement.rec_cowatch_members (person_id, video_id, joined_at)
         select (e.item->>'person_id')::uuid, (e.item->>'video_id')::uuid, (e.item->>'at')::timestamptz
           from jsonb_array_elements(?::jsonb) with ordinality as e(item, n)
          order by e.n
         on conflict do nothing
         returning person_id, video_id, seq`,
        [JSON.stringify(chunk.map((m) => ({ person_id: m.personId, video_id: m.videoId, at: m.at.toISOString() })))],
      );
      if (!fresh.length) continue;
      for (const row of fresh) freshVideos.add(row.video_id);
      // A second statement: the members just inserted must be visible to the partner lookup.
      const rows = await this.em.execute<Array<{ video_a: string; video_b: string }>>(
        `with fresh as (
           select * from jsonb_to_recordset(?::jsonb) as r(person_id uuid, video_id uuid, seq bigint)
         ), stats as (
           insert into engagement.rec_video_stats (video_id, people)
           select video_id, count(*) from fresh group by video_id
           on conflict (video_id) do update set people = rec_video_stats.people + excluded.people
         ), partners as (
           select f.video_id as v, p.video_id as w from fresh f
           cross join lateral (
             select m.video_id from engagement.rec_cowatch_members m
              where m.person_id = f.person_id and m.seq < f.seq
              order by m.seq desc limit ?
           ) p
         ), counted as (
           select least(v, w) as a, greatest(v, w) as b, count(*)::int as n from partners group by 1, 2
         )
         insert into engagement.rec_cowatch_pairs (video_a, video_b, people)
         select a, b, n from counted
         on conflict (video_a, video_b) do update set people = rec_cowatch_pairs.people + excluded.people
         returning video_a, video_b`,
        [JSON.stringify(fresh.map((row) => ({ ...row, seq: Number(row.seq) }))), partners],
      );
      for (const row of rows) pairs.set(`${row.video_a}:${row.video_b}`, { a: row.video_a, b: row.video_b });
    }
    return { fresh: [...freshVideos], pairs: [...pairs.values()] };
  }

  async coCounts(videoIds: string[], perVideo: number): Promise<CoCounts> {
    if (!videoIds.length) return { pairs: [], people: new Map() };
    const pairs = await this.em.execute<PairRow[]>(
      `select p.* from unnest(?::uuid[]) as w(id)
       cross join lateral (
         select video_a, video_b, people from (
           select video_a, video_b, people from engagement.rec_cowatch_pairs where video_a = w.id
           union all
           select video_a, video_b, people from engagement.rec_cowatch_pairs where video_b = w.id
         ) both_sides order by people desc limit ?
       ) p`,
      [uuidArray(videoIds), perVideo],
    );
    return this.withPeople(pairs);
  }

  async markDirty(videoIds: string[]): Promise<void> {
    for (let start = 0; start < videoIds.length; start += CHUNK)
      await this.em.execute(
        `insert into engagement.rec_dirty_videos (video_id) select unnest(?::uuid[]) on conflict do nothing`,
        [uuidArray(videoIds.slice(start, start + CHUNK))],
      );
  }

  async takeDirty(limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ video_id: string }>>(
      `delete from engagement.rec_dirty_videos where video_id in (
         select video_id from engagement.rec_dirty_videos order by marked_at, video_id limit ?)
       returning video_id`,
      [limit],
    );
    return rows.map((row) => row.video_id);
  }

  private async withPeople(found: PairRow[]): Promise<CoCounts> {
    // A pair of two recomputed videos is read from both sides: once is enough.
    const rows = [...new Map(found.map((pair) => [`${pair.video_a}:${pair.video_b}`, pair])).values()];
    const involved = [...new Set(rows.flatMap((pair) => [pair.video_a, pair.video_b]))];
    const people = new Map<string, number>();
    if (involved.length) {
      const stats = await this.em.execute<Array<{ video_id: string; people: number }>>(
        `select video_id, people from engagement.rec_video_stats where video_id = any(?::uuid[])`,
        [uuidArray(involved)],
      );
      for (const row of stats) people.set(row.video_id, Number(row.people));
    }
    return { pairs: rows.map((pair) => ({ a: pair.video_a, b: pair.video_b, people: Number(pair.people) })), people };
  }

  async allFeatures(): Promise<VideoFeatures[]> {
    const rows = await this.em.execute<FeatureRow[]>(
      `select ${FEATURE_COLUMNS} from engagement.trend_videos v
         left join engagement.watchable_videos w on w.video_id = v.video_id
        where ${ELIGIBLE}`,
    );
    return rows.map(toFeatures);
  }

  async staleContent(limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ video_id: string }>>(
      `select v.video_id from engagement.trend_videos v
         left join engagement.rec_neighbours n on n.video_id = v.video_id and n.kind = 'content'
        where ${ELIGIBLE} and (n.computed_at is null or n.computed_at < v.features_at)
        order by v.features_at limit ?`,
      [limit],
    );
    return rows.map((row) => row.video_id);
  }

  async saveNeighbours(kind: 'co_watch' | 'content', lists: Map<string, Neighbor[]>, at: Date): Promise<void> {
    const entries = [...lists];
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK).map(([video_id, neighbours]) => ({ video_id, neighbours }));
      await this.em.execute(
        `insert into engagement.rec_neighbours (video_id, kind, neighbours, computed_at)
         select r.video_id, ?, r.neighbours, ? from jsonb_to_recordset(?::jsonb) as r(video_id uuid, neighbours jsonb)
         on conflict (video_id, kind) do update set neighbours = excluded.neighbours, computed_at = excluded.computed_at`,
        [kind, at, JSON.stringify(chunk)],
      );
    }
  }
}
