import { Migration } from '@mikro-orm/migrations';

/** Engagement's people directory (from identity's events), follows, blocks and mutes, notifications. */
export class Migration20261122000400_engagement_social_graph extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists engagement;`);
    this.addSql(`
      create table engagement.people (
        user_id uuid primary key,
        handle text not null,
        display_name text not null,
        avatar_url text,
        email text
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
    // Grouping types keep one unread row per group_key that later occurrences fold into.
    this.addSql(`
      create table engagement.notifications (
        id uuid primary key,
        user_id uuid not null,
        type text not null,
        count integer not null default 1,
        actor_ids uuid[] not null,
        subject_id text,
        data jsonb not null,
        group_key text,
        read_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null
      );`);
    this.addSql(`create index notifications_user_idx on engagement.notifications (user_id, updated_at);`);
    this.addSql(`create index notifications_unread_group_idx on engagement.notifications (user_id, group_key);`);
    this.addSql(`
      create table engagement.notification_preferences (
        user_id uuid not null,
        type text not null,
        in_app boolean not null,
        email boolean not null,
        primary key (user_id, type)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists engagement cascade;`);
  }
}
