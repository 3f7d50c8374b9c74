import { Migration } from '@mikro-orm/migrations';

/** Engagement's people directory (from identity's events), follows, blocks and mutes. */
export class Migration20261122000400_engagement_social_graph extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists engagement;`);
    this.addSql(`
      create table engagement.people (
        user_id uuid primary key,
        handle text not null,
        display_name text not null,
        avatar_url text
      );`);
    // A follow row outlives an unfollow (ended_at), so resuming is the same relationship.
    this.addSql(`
      create table engagement.follows (
        id uuid primary key,
        follower_id uuid not null,
        followee_id uuid not null,
        followed_at timestamptz not null,
        ended_at timestamptz,
        version integer not null default 1,
        constraint follows_pair_key unique (follower_id, followee_id)
      );`);
    this.addSql(`create index follows_followee_idx on engagement.follows (followee_id, followed_at);`);
    this.addSql(`create index follows_follower_idx on engagement.follows (follower_id, followed_at);`);
    this.addSql(`
      create table engagement.restrictions (
        owner_id uuid not null,
        target_id uuid not null,
        kind text not null,
        created_at timestamptz not null,
        primary key (owner_id, target_id, kind),
        constraint restrictions_kind_check check (kind in ('block', 'mute'))
      );`);
    this.addSql(`create index restrictions_target_idx on engagement.restrictions (target_id, kind);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists engagement cascade;`);
  }
}
