import { Migration } from '@mikro-orm/migrations';

/**
 * Insights: the batch append of `POST /v1/events` as a function (ADR 0073), so each connection plans its
 * statement once (PL/pgSQL keeps the plan) instead of parsing and planning the four-part statement per batch.
 * `batch` is an array of insights.events rows; the result, the ids actually stored.
 */
export class Migration20261205143700_insights_append_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function insights.append_events(batch insights.events[]) returns setof uuid
      language plpgsql as $$
      begin
        -- Claim the ids (the global idempotency key), store only the claimed events, mark their hours stale.
        return query
          with fresh as (
            insert into insights.event_ids (event_id, received_at)
            select i.event_id, i.received_at from unnest(batch) i
            on conflict do nothing returning event_ids.event_id
          ), stored as (
            insert into insights.events
            select i.* from unnest(batch) i join fresh f on f.event_id = i.event_id
            returning events.event_id, events.occurred_at
          ), dirty as (
            insert into insights.dirty_hours (hour)
            select distinct date_trunc('hour', s.occurred_at, 'UTC') from stored s on conflict do nothing
          )
          select s.event_id from stored s;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists insights.append_events(insights.events[]);`);
  }
}
