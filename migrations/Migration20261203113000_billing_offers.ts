import { Migration } from '@mikro-orm/migrations';

/**
 * Billing: offers (discounts and extended trials shared as codes), their redemptions (one per subscription) and
 * the offer a subscription was bought with (docs/adr/0052-offers-and-coupons.md).
 */
export class Migration20261203113000_billing_offers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table billing.offers (
        id uuid primary key,
        code text not null,
        name text not null,
        kind text not null check (kind in ('percent', 'amount', 'trial')),
        percent_off numeric(5, 2) check (percent_off > 0 and percent_off <= 100),
        amount_off integer check (amount_off > 0),
        currency text,
        trial_days integer check (trial_days > 0),
        duration text check (duration in ('once', 'repeating', 'forever')),
        duration_in_months integer,
        plan_ids text[] not null default '{}',
        valid_from timestamptz,
        valid_until timestamptz,
        max_redemptions integer check (max_redemptions > 0),
        archived_at timestamptz,
        provider_coupon_id text,
        provider_promotion_code_id text,
        created_at timestamptz not null,
        check ((kind = 'percent') = (percent_off is not null)),
        check ((kind = 'amount') = (amount_off is not null and currency is not null)),
        check ((kind = 'trial') = (trial_days is not null))
      );`);
    this.addSql(`create unique index offers_code_key on billing.offers (lower(code));`);
    this.addSql(`
      create table billing.offer_redemptions (
        subscription_id uuid primary key,
        offer_id uuid not null, -- no foreign key: SQL-only tables are invisible to the ORM, whose schema diff would drop it
        user_id uuid not null,
        plan_id text not null,
        redeemed_at timestamptz not null
      );`);
    this.addSql(`create index offer_redemptions_offer_idx on billing.offer_redemptions (offer_id);`);
    this.addSql(`
      alter table billing.subscriptions
        add column offer_id uuid,
        add column discount jsonb,
        add column discounted boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table billing.subscriptions drop column offer_id, drop column discount, drop column discounted;`,
    );
    this.addSql(`drop table billing.offer_redemptions;`);
    this.addSql(`drop table billing.offers;`);
  }
}
