import { Migration } from '@mikro-orm/migrations';

/** Billing: gift subscriptions (a month or a year of a plan bought for someone, redeemed once by code). */
export class Migration20261203150000_billing_gifts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table billing.gifts (
      id uuid primary key,
      code text not null unique,
      buyer_id uuid not null,
      plan_id text not null,
      period text not null check (period in ('month', 'year')),
      amount integer not null check (amount > 0),
      currency text not null,
      recipient_email text null,
      message text null,
      status text not null check (status in ('pending', 'paid', 'redeemed', 'refund_pending', 'refunded', 'expired')),
      checkout_session_id text null unique,
      payment_intent_id text null unique,
      refunded_amount integer not null default 0 check (refunded_amount >= 0),
      paid_at timestamptz null,
      redeemed_by uuid null,
      redeemed_at timestamptz null,
      grant_ends_at timestamptz null,
      created_at timestamptz not null default now()
    );`);
    this.addSql(`create index gifts_buyer_created on billing.gifts (buyer_id, created_at);`);
    this.addSql(
      `create index gifts_redeemed_by on billing.gifts (redeemed_by, grant_ends_at) where redeemed_by is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table billing.gifts;`);
  }
}
