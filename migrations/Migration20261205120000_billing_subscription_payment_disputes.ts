import { Migration } from '@mikro-orm/migrations';

/**
 * Billing: a subscription payment keeps its dispute's state (ADR 0066), so an open or lost dispute takes it out of
 * the revenue attributed to a creator and a won one puts it back.
 */
export class Migration20261205120000_billing_subscription_payment_disputes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table billing.payments add column dispute_outcome text null
      constraint payments_dispute_outcome_check check (dispute_outcome in ('open', 'won', 'lost'));`);
    // Disputes recorded before this only knew they had been opened (closing events were ignored).
    this.addSql(`update billing.payments set dispute_outcome = 'open' where dispute_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table billing.payments drop column dispute_outcome;`);
  }
}
