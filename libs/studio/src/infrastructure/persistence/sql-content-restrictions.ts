import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  ContentRestrictions,
  type VideoDecision,
  type VideoRestriction,
} from '../../application/moderation/content-restrictions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an owner of the video's channel has a suspension or ban in force (joined at read time: ownership moves). */
export const OWNER_SANCTIONED = `exists (select 1 from studio.channels c join studio.owner_sanctions s
  on s.user_id = c.owner_id and s.in_force where c.id = v.channel_id)`;
// A PostgreSQL array literal: knex would expand a JS array into a list.
const uuidArray = (ids: string[]) => `{${ids.filter((id) => UUID.test(id)).join(',')}}`;
export const TAKEN_DOWN = `exists (select 1 from studio.video_takedowns t where t.video_id = v.id and t.taken_down)`;
/** SQL on a video aliased `v`: neither taken down nor owned by a suspended or banned account. */
export const UNRESTRICTED_VIDEO = `not (${TAKEN_DOWN} or ${OWNER_SANCTIONED})`;

@Injectable()
export class SqlContentRestrictions extends ContentRestrictions {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async recordVideoDecision(decision: VideoDecision): Promise<boolean> {
    // Ties on time are broken by decision id, so every node settles on the same winner.
    const rows = await this.em.execute<{ video_id: string }[]>(
      `insert into studio.video_takedowns as stored (video_id, taken_down, action, decision_id, rule, decided_at)
       select ?, ?, ?, ?, ?, ? where exists (select 1 from studio.videos where id = ?)
       on conflict (video_id) do update set taken_down = excluded.taken_down, action = excluded.action,
         decision_id = excluded.decision_id, rule = excluded.rule, decided_at = excluded.decided_at
       where (stored.decided_at, stored.decision_id::text) < (excluded.decided_at, excluded.decision_id::text)
       returning video_id`,
      [
        decision.videoId,
        decision.takenDown,
        decision.action,
        decision.decisionId,
        decision.rule,
        decision.decidedAt,
        decision.videoId,
      ],
    );
    return rows.length > 0;
  }

  async recordOwnerSanction(
    userId: string,
    sanction: 'suspension' | 'ban',
    inForce: boolean,
    changedAt: Date,
  ): Promise<boolean> {
    const rows = await this.em.execute<{ user_id: string }[]>(
      `insert into studio.owner_sanctions as stored (user_id, sanction, in_force, changed_at) values (?, ?, ?, ?)
       on conflict (user_id, sanction) do update set in_force = excluded.in_force, changed_at = excluded.changed_at
       where stored.changed_at < excluded.changed_at
       returning user_id`,
      [userId, sanction, inForce, changedAt],
    );
    return rows.length > 0;
  }

  async videosOwnedBy(userId: string): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select v.id from studio.videos v join studio.channels c on c.id = v.channel_id where c.owner_id = ? order by v.id`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  async bumpVersions(videoIds: string[]): Promise<void> {
    if (!videoIds.length) return;
    await this.em.execute(`update studio.videos set version = version + 1 where id = any(?::uuid[])`, [
      uuidArray(videoIds),
    ]);
  }

  async restrictionOf(videoId: string): Promise<VideoRestriction | null> {
    if (!UUID.test(videoId)) return null;
    const [row] = await this.em.execute<{ taken_down: boolean; owner_sanctioned: boolean }[]>(
      `select ${TAKEN_DOWN} as taken_down, ${OWNER_SANCTIONED} as owner_sanctioned from studio.videos v where v.id = ?`,
      [videoId],
    );
    if (row?.taken_down) return 'taken-down';
    if (row?.owner_sanctioned) return 'owner-sanctioned';
    return null;
  }

  async restrictedAmong(videoIds: string[]): Promise<Set<string>> {
    if (!videoIds.some((id) => UUID.test(id))) return new Set();
    const rows = await this.em.execute<{ id: string }[]>(
      `select v.id from studio.videos v where v.id = any(?::uuid[]) and (${TAKEN_DOWN} or ${OWNER_SANCTIONED})`,
      [uuidArray(videoIds)],
    );
    return new Set(rows.map((row) => row.id));
  }

  async assetRestricted(assetId: string): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select v.id from studio.videos v where v.asset_id = ? and (${TAKEN_DOWN} or ${OWNER_SANCTIONED}) limit 1`,
      [assetId],
    );
    return rows.length > 0;
  }
}
