import { Migration } from '@mikro-orm/migrations';

/** Plans and provider prices, customers, subscriptions, entitlements and usage, invoices and payments, webhooks, the MRR ledger. */
export class Migration20261122000300_billing_subscriptions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists billing;`);
    this.addSql(`
      create table billing.plans (
        id text primary key,
        name text not null,
        description text not null,
        benefits text[] not null,
        prices jsonb not null,
        entitlements jsonb not null,
        trial_days integer not null,
        rank integer not null,
        archived_at timestamptz,
        provider_product_id text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      );`);
    // Provider prices are immutable: a changed amount adds a row, old rows still identify old subscribers.
    this.addSql(`
      create table billing.provider_prices (
        provider_price_id text primary key,
        plan_id text not null,
        interval text not null,
        amount integer not null,
        currency text not null,
        active boolean not null,
        created_at timestamptz not null
      );`);
    this.addSql(`create index provider_prices_plan_idx on billing.provider_prices (plan_id, interval);`);
    this.addSql(`
      create table billing.customers (
        user_id uuid primary key,
        provider_customer_id text not null constraint customers_provider_customer_id_key unique,
        created_at timestamptz not null
      );`);
    this.addSql(`
      create table billing.accounts (
        user_id uuid primary key,
        email text not null,
        display_name text not null
      );`);
    this.addSql(`
      create table billing.checkout_sessions (
        id text primary key,
        user_id uuid not null,
        plan_id text not null,
        interval text not null,
        attribution jsonb not null,
        status text not null default 'open',
        provider_subscription_id text,
        completed_at timestamptz,
        created_at timestamptz not null
      );`);
    this.addSql(`create index checkout_sessions_user_idx on billing.checkout_sessions (user_id);`);
    this.addSql(
      `create index checkout_sessions_subscription_idx on billing.checkout_sessions (provider_subscription_id);`,
    );
    this.addSql(`
      create table billing.subscriptions (
        id uuid primary key,
        user_id uuid not null,
        provider_subscription_id text not null constraint subscriptions_provider_subscription_id_key unique,
        provider_customer_id text not null,
        status text not null,
        plan_id text not null,
        interval text not null,
        provider_price_id text not null,
        unit_amount integer not null,
        currency text not null,
        current_period_start timestamptz not null,
        current_period_end timestamptz not null,
        cancel_at_period_end boolean not null default false,
        canceled_at timestamptz,
        ended_at timestamptz,
        trial_end timestamptz,
        cancellation_reason text,
        cancellation_feedback text,
        cancellation_comment text,
        past_due_since timestamptz,
        held_plan_id text,
        held_until timestamptz,
        attribution jsonb not null,
        state_observed_at timestamptz not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      );`);
    this.addSql(`create index subscriptions_user_idx on billing.subscriptions (user_id);`);
    this.addSql(`
      create table billing.entitlement_grants (
        user_id uuid primary key,
        plan_id text not null,
        subscription_id uuid,
        valid_until timestamptz,
        then_plan_id text,
        period_start timestamptz,
        period_end timestamptz,
        updated_at timestamptz not null,
        version integer not null default 1
      );`);
    this.addSql(`create index entitlement_grants_valid_until_idx on billing.entitlement_grants (valid_until);`);
    this.addSql(`
      create table billing.usage_counters (
        user_id uuid not null,
        quota text not null,
        period_start timestamptz not null,
        period_end timestamptz not null,
        used integer not null check (used >= 0),
        primary key (user_id, quota, period_start)
      );`);
    // Keys of idempotent consumptions (a retried publish counts once).
    this.addSql(`
      create table billing.usage_records (
        user_id uuid not null,
        quota text not null,
        key text not null,
        amount integer not null,
        period_start timestamptz not null,
        created_at timestamptz not null,
        primary key (user_id, quota, key)
      );`);
    this.addSql(`
      create table billing.invoices (
        id uuid primary key,
        user_id uuid not null,
        provider_invoice_id text not null constraint invoices_provider_invoice_id_key unique,
        subscription_id uuid,
        provider_subscription_id text,
        number text,
        status text not null,
        amount_due integer not null default 0,
        amount_paid integer not null default 0,
        currency text not null,
        billing_reason text,
        period_start timestamptz,
        period_end timestamptz,
        hosted_url text,
        pdf_url text,
        attempt_count integer not null default 0,
        failures_reported integer not null default 0,
        next_payment_attempt timestamptz,
        paid_at timestamptz,
        issued_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      );`);
    this.addSql(`create index invoices_user_idx on billing.invoices (user_id, id);`);
    this.addSql(`
      create table billing.payments (
        id uuid primary key,
        user_id uuid not null,
        invoice_id uuid not null constraint payments_invoice_id_key unique,
        subscription_id uuid,
        provider_payment_id text constraint payments_provider_payment_id_key unique,
        amount integer not null,
        currency text not null,
        plan_id text,
        billing_reason text,
        refunded_amount integer not null,
        dispute_id text,
        dispute_reason text,
        disputed_at timestamptz,
        paid_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        constraint payments_refunds_within_amount check (refunded_amount >= 0 and refunded_amount <= amount)
      );`);
    this.addSql(`create index payments_user_idx on billing.payments (user_id, id);`);
    this.addSql(`
      create table billing.refunds (
        id uuid primary key,
        payment_id uuid not null,
        invoice_id uuid not null,
        user_id uuid not null,
        amount integer not null,
        currency text not null,
        reason text,
        comment text,
        requested_by uuid,
        forced boolean not null,
        status text not null,
        provider_refund_id text constraint refunds_provider_refund_id_key unique,
        failure_reason text,
        credit_note_number text constraint refunds_credit_note_number_key unique,
        created_at timestamptz not null,
        settled_at timestamptz,
        version integer not null default 1
      );`);
    this.addSql(`create index refunds_payment_idx on billing.refunds (payment_id);`);
    this.addSql(`create index refunds_invoice_idx on billing.refunds (invoice_id);`);
    this.addSql(`create sequence billing.credit_note_numbers;`);
    this.addSql(`
      create table billing.webhook_events (
        id uuid primary key,
        provider text not null,
        provider_event_id text not null,
        type text not null,
        payload jsonb not null,
        provider_created_at timestamptz not null,
        provider_customer_id text,
        status text not null default 'received',
        attempts integer not null default 0,
        last_error text,
        outcome text,
        next_attempt_at timestamptz,
        processed_at timestamptz,
        received_at timestamptz not null,
        constraint webhook_events_provider_event_key unique (provider, provider_event_id)
      );`);
    this.addSql(`create index webhook_events_status_idx on billing.webhook_events (status, next_attempt_at);`);
    this.addSql(`create index webhook_events_customer_idx on billing.webhook_events (provider_customer_id);`);
    this.addSql(`
      create table billing.mrr_movements (
        id uuid primary key,
        subscription_id uuid not null,
        user_id uuid not null,
        plan_id text not null,
        currency text not null,
        occurred_at timestamptz not null,
        mrr_before integer not null,
        mrr_after integer not null
      );`);
    this.addSql(`create index mrr_movements_occurred_at_idx on billing.mrr_movements (occurred_at);`);
    // The local sandbox payment provider's objects (a Stripe emulator's state); empty with real Stripe.
    this.addSql(`
      create table billing.sandbox_objects (
        id text primary key,
        object text not null,
        data jsonb not null,
        seq bigserial not null
      );`);
    this.addSql(`create index sandbox_objects_object_idx on billing.sandbox_objects (object, seq);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists billing cascade;`);
  }
}
