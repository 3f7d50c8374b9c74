import { Migration } from '@mikro-orm/migrations';

/**
 * Billing: disputes of one-off payments (ADR 0066). A gift can be `disputed` (a chargeback under way or lost), and a
 * creator's ledger gets `reinstatement` lines (the share a won dispute gives back).
 */
export class Migration20261205100000_billing_disputes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table billing.gifts drop constraint gifts_status_check;`);
    this.addSql(`alter table billing.gifts add constraint gifts_status_check
      check (status in ('pending', 'paid', 'redeemed', 'refund_pending', 'refunded', 'expired', 'disputed'));`);
    this.addSql(`alter table billing.creator_ledger_entries drop constraint creator_ledger_entries_kind_check;`);
    this.addSql(`alter table billing.creator_ledger_entries add constraint creator_ledger_entries_kind_check
      check (kind in ('tip', 'reversal', 'ad_share', 'reinstatement'));`);
  }

  override async down(): Promise<void> {
    // A disputed gift was, before disputes were applied, a paid or redeemed one; a reinstatement a negative reversal.
    this.addSql(`update billing.gifts set status = case when redeemed_by is null then 'paid' else 'redeemed' end
      where status = 'disputed';`);
    this.addSql(`update billing.creator_ledger_entries set kind = 'reversal' where kind = 'reinstatement';`);
    this.addSql(`alter table billing.gifts drop constraint gifts_status_check;`);
    this.addSql(`alter table billing.gifts add constraint gifts_status_check
      check (status in ('pending', 'paid', 'redeemed', 'refund_pending', 'refunded', 'expired'));`);
    this.addSql(`alter table billing.creator_ledger_entries drop constraint creator_ledger_entries_kind_check;`);
    this.addSql(`alter table billing.creator_ledger_entries add constraint creator_ledger_entries_kind_check
      check (kind in ('tip', 'reversal', 'ad_share'));`);
  }
}
