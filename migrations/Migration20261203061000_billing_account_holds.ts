import { Migration } from '@mikro-orm/migrations';

/**
 * Billing: holds placed while an account is suspended or banned, with the subscriptions each paused
 * (docs/adr/0036-trust-scores-and-suspension-effects.md).
 */
export class Migration20261203061000_billing_account_holds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table billing.account_holds (
        user_id uuid not null,
        sanction text not null check (sanction in ('suspension', 'ban')),
        held_at timestamptz not null,
        paused_subscription_ids text[] not null default '{}',
        primary key (user_id, sanction)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table billing.account_holds;`);
  }
}
