import { Migration } from '@mikro-orm/migrations';

/** Billing: the journal of revenue streams other than subscriptions (tips, commission, gifts, ads, overage). */
export class Migration20261203140000_billing_revenue_journal extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table billing.revenue_entries (
      id uuid primary key,
      stream text not null check (stream in ('tips', 'commission', 'gifts', 'ads', 'overage')),
      source_key text not null unique,
      amount bigint not null,
      currency text not null,
      creator_id uuid null,
      occurred_at timestamptz not null
    );`);
    this.addSql(`create index revenue_entries_time on billing.revenue_entries (occurred_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table billing.revenue_entries;`);
  }
}
