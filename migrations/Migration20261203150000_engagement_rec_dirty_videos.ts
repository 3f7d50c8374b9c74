import { Migration } from '@mikro-orm/migrations';

/** Engagement: videos whose co-watch lists the neighbour job must recompute (marked while folding, taken after). */
export class Migration20261203150000_engagement_rec_dirty_videos extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table engagement.rec_dirty_videos (
      video_id uuid primary key,
      marked_at timestamptz not null default now()
    );`);
    this.addSql(`create index rec_dirty_videos_marked on engagement.rec_dirty_videos (marked_at, video_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table engagement.rec_dirty_videos;`);
  }
}
