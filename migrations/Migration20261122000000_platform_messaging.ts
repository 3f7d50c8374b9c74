import { Migration } from '@mikro-orm/migrations';

/** The transactional outbox and the consumers' inbox (see docs/adr/0002-transactional-outbox.md). */
export class Migration20261122000000_platform_messaging extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists platform;`);
    this.addSql(`
      create table platform.outbox (
        id uuid primary key,
        type text not null,
        payload jsonb not null,
        aggregate_id text,
        aggregate_version integer,
        occurred_at timestamptz not null,
        created_at timestamptz not null default now(),
        published_at timestamptz
      );`);
    this.addSql(`create index outbox_unpublished_idx on platform.outbox (id) where published_at is null;`);
    // Wakes the relay right after a commit instead of waiting for its next poll.
    this.addSql(`
      create function platform.notify_outbox() returns trigger language plpgsql as $$
      begin
        perform pg_notify('platform_outbox', '');
        return null;
      end $$;`);
    this.addSql(`
      create trigger outbox_notify after insert on platform.outbox
      for each statement execute function platform.notify_outbox();`);
    this.addSql(`
      create table platform.inbox (
        event_id uuid not null,
        consumer text not null,
        processed_at timestamptz not null default now(),
        primary key (event_id, consumer)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists platform.inbox;`);
    this.addSql(`drop trigger if exists outbox_notify on platform.outbox;`);
    this.addSql(`drop function if exists platform.notify_outbox();`);
    this.addSql(`drop table if exists platform.outbox;`);
  }
}
