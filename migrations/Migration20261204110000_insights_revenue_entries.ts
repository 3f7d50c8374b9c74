import { Migration } from '@mikro-orm/migrations';

/**
 * Insights: billing's revenue journal entries (tips, commission, gifts, ads, overage) as `billing.revenue-recorded.v1`
 * brings them, keyed by billing's entry id. Entries journaled before the event existed are copied once here.
 */
export class Migration20261204110000_insights_revenue_entries extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table insights.revenue_entries (
      entry_id uuid primary key,
      stream text not null check (stream in ('tips', 'commission', 'gifts', 'ads', 'overage')),
      amount bigint not null,
      currency text not null,
      creator_id uuid null,
      occurred_at timestamptz not null
    );`);
    this.addSql(`create index revenue_entries_time on insights.revenue_entries (occurred_at);`);
    // A one-off copy at deploy, as the consumer would have made them; later entries arrive as events.
    this.addSql(`insert into insights.revenue_entries (entry_id, stream, amount, currency, creator_id, occurred_at)
      select id, stream, amount, lower(currency), creator_id, occurred_at from billing.revenue_entries
      on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table insights.revenue_entries;`);
  }
}
