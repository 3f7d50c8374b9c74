import { Migration } from '@mikro-orm/migrations';

/**
 * Studio's record of trust & safety's decisions on its videos and their owners (docs/adr/0035): studio
 * applies them to its own data; each row keeps the decision time so a late, older event changes nothing.
 */
export class Migration20261203060000_studio_moderation_restrictions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table studio.video_takedowns (
        video_id uuid primary key,
        taken_down boolean not null,
        action text not null,
        decision_id uuid not null,
        rule text,
        decided_at timestamptz not null
      );`);
    this.addSql(`
      create table studio.owner_sanctions (
        user_id uuid not null,
        sanction text not null,
        in_force boolean not null,
        changed_at timestamptz not null,
        primary key (user_id, sanction),
        constraint owner_sanctions_kind_check check (sanction in ('suspension', 'ban'))
      );`);
    // Media delivery asks by asset: which video (and so which takedown) a signed file belongs to.
    this.addSql(`create index videos_asset_idx on studio.videos (asset_id) where asset_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index studio.videos_asset_idx;`);
    this.addSql(`drop table studio.owner_sanctions;`);
    this.addSql(`drop table studio.video_takedowns;`);
  }
}
