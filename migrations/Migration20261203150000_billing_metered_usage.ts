import { Migration } from '@mikro-orm/migrations';

/** Billing: metered usage (storage, uploads, API calls), usage alerts, per-key API call counts and overage reported to Stripe. */
export class Migration20261203150000_billing_metered_usage extends Migration {
  override async up(): Promise<void> {
    // Storage is counted in bytes: beyond 2^31.
    this.addSql(`alter table billing.usage_counters alter column used type bigint;`);
    this.addSql(`alter table billing.usage_records alter column amount type bigint;`);
    // Plans stored before these quotas existed get the default catalogue's values; an operator's own plans stay unlimited.
    this.addSql(`
      update billing.plans set entitlements = jsonb_build_object('storage_bytes', 'unlimited', 'uploads_per_month', 'unlimited', 'api_calls_per_month', 'unlimited')
        || jsonb_strip_nulls(jsonb_build_object(
          'storage_bytes', case id when 'free' then 1073741824 when 'prime' then 1073741824
            when 'creator-plus' then 107374182400 when 'studio-pro' then 1099511627776 end,
          'uploads_per_month', case id when 'free' then 25 when 'prime' then 25 when 'creator-plus' then 100
            when 'studio-pro' then 1000 end,
          'api_calls_per_month', case id when 'free' then 1000 when 'prime' then 1000 when 'creator-plus' then 1000
            when 'studio-pro' then 100000 end
        )) || entitlements
      where entitlements->'storage_bytes' is null;`);
    // One alert per person, quota, period and threshold: the row and its outbox message commit together.
    this.addSql(`
      create table billing.usage_alerts (
        user_id uuid not null,
        quota text not null,
        period_start timestamptz not null,
        threshold integer not null check (threshold in (80, 100)),
        used bigint not null,
        limit_value bigint not null,
        created_at timestamptz not null default now(),
        primary key (user_id, quota, period_start, threshold)
      );`);
    this.addSql(`
      create table billing.api_key_usage (
        key_id uuid not null,
        user_id uuid not null,
        period_start timestamptz not null,
        calls bigint not null check (calls >= 0),
        primary key (key_id, period_start)
      );`);
    this.addSql(`create index api_key_usage_user on billing.api_key_usage (user_id, period_start);`);
    // Overage units reported to the provider's meter, per person, quota and period (a report is sent once per new total).
    this.addSql(`
      create table billing.overage_reports (
        user_id uuid not null,
        quota text not null,
        period_start timestamptz not null,
        units_reported bigint not null check (units_reported >= 0),
        updated_at timestamptz not null default now(),
        primary key (user_id, quota, period_start)
      );`);
    // The provider's meter and metered price per plan, quota, interval and unit price; the subscriptions that carry them.
    this.addSql(`
      create table billing.overage_prices (
        plan_id text not null,
        quota text not null,
        interval text not null,
        unit_amount integer not null,
        currency text not null,
        event_name text not null,
        meter_id text not null,
        provider_price_id text not null,
        primary key (plan_id, quota, interval, unit_amount, currency)
      );`);
    this.addSql(`
      create table billing.overage_items (
        provider_subscription_id text not null,
        provider_price_id text not null,
        primary key (provider_subscription_id, provider_price_id)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table billing.overage_items;`);
    this.addSql(`drop table billing.overage_prices;`);
    this.addSql(`drop table billing.overage_reports;`);
    this.addSql(`drop table billing.api_key_usage;`);
    this.addSql(`drop table billing.usage_alerts;`);
    this.addSql(
      `update billing.plans set entitlements = entitlements - 'storage_bytes' - 'uploads_per_month' - 'api_calls_per_month';`,
    );
    this.addSql(`alter table billing.usage_records alter column amount type integer;`);
    this.addSql(`alter table billing.usage_counters alter column used type integer;`);
  }
}
