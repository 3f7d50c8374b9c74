import { Migration } from '@mikro-orm/migrations';

/** Billing: creators' payout accounts (Stripe Connect Express), tips, the creator ledger, payouts and payout holds. */
export class Migration20261203120000_billing_tips_and_payouts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table billing.payout_accounts (
      creator_id uuid primary key,
      provider_account_id text not null unique,
      status text not null check (status in ('onboarding', 'active', 'restricted')),
      charges_enabled boolean not null default false,
      payouts_enabled boolean not null default false,
      details_submitted boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );`);
    this.addSql(`create table billing.tips (
      id uuid primary key,
      fan_id uuid not null,
      creator_id uuid not null,
      video_id text null,
      amount integer not null check (amount > 0),
      commission integer not null check (commission >= 0 and commission <= amount),
      currency text not null,
      message text null,
      status text not null check (status in ('pending', 'paid', 'partially_refunded', 'refunded', 'disputed', 'expired')),
      checkout_session_id text null unique,
      payment_intent_id text null unique,
      transfer_id text null,
      creator_reversed integer not null default 0 check (creator_reversed >= 0),
      paid_at timestamptz null,
      created_at timestamptz not null default now()
    );`);
    this.addSql(`create index tips_creator_created on billing.tips (creator_id, created_at);`);
    this.addSql(`create table billing.creator_ledger_entries (
      id uuid primary key,
      creator_id uuid not null,
      kind text not null check (kind in ('tip', 'reversal')),
      source_key text not null unique,
      tip_id uuid not null, -- no foreign key: SQL-only tables are invisible to the ORM, whose schema diff would drop it
      gross integer not null,
      commission integer not null,
      net integer not null,
      currency text not null,
      occurred_at timestamptz not null
    );`);
    this.addSql(
      `create index creator_ledger_entries_creator_time on billing.creator_ledger_entries (creator_id, occurred_at);`,
    );
    this.addSql(`create table billing.creator_payouts (
      provider_payout_id text primary key,
      creator_id uuid not null,
      amount integer not null,
      currency text not null,
      status text not null check (status in ('pending', 'in_transit', 'paid', 'failed', 'canceled')),
      arrival_date timestamptz null,
      failure_code text null,
      created_at timestamptz not null,
      updated_at timestamptz not null default now()
    );`);
    this.addSql(`create index creator_payouts_creator_created on billing.creator_payouts (creator_id, created_at);`);
    this.addSql(`create table billing.payout_holds (
      creator_id uuid not null,
      reason text not null check (reason in ('suspension', 'ban', 'dmca')),
      source_id text not null,
      held_at timestamptz not null,
      primary key (creator_id, reason, source_id)
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table billing.payout_holds;`);
    this.addSql(`drop table billing.creator_payouts;`);
    this.addSql(`drop table billing.creator_ledger_entries;`);
    this.addSql(`drop table billing.tips;`);
    this.addSql(`drop table billing.payout_accounts;`);
  }
}
