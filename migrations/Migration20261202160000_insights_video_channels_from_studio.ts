import { Migration } from '@mikro-orm/migrations';

/**
 * Client events used to take their channel from the player's `properties.channelId` until studio
 * published the video (ADR 0020). Re-attributes every stored client event to the channel studio
 * knows (insights' catalogue, else studio's videos; none for a video studio does not know), and
 * marks the hours it changed stale so the rollup job rebuilds them.
 */
export class Migration20261202160000_insights_video_channels_from_studio extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      with truth as (
        select e.event_id, e.occurred_at, coalesce(iv.channel_id, sv.channel_id) as channel_id, coalesce(iv.creator_id, sc.owner_id) as creator_id
        from insights.events e
        left join insights.videos iv on iv.video_id = e.video_id
        left join studio.videos sv on sv.id = e.video_id and iv.video_id is null
        left join studio.channels sc on sc.id = sv.channel_id
        where e.source = 'client'
      ), fixed as (
        update insights.events e set channel_id = t.channel_id, creator_id = t.creator_id
        from truth t
        where e.event_id = t.event_id and e.occurred_at = t.occurred_at and e.source = 'client'
          and (e.channel_id is distinct from t.channel_id or e.creator_id is distinct from t.creator_id)
        returning e.occurred_at
      )
      insert into insights.dirty_hours (hour) select distinct date_trunc('hour', occurred_at, 'UTC') from fixed on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    // The forged attributions are not worth restoring.
  }
}
