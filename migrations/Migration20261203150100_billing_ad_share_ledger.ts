import { Migration } from '@mikro-orm/migrations';

/** Billing: creators' ad revenue shares (ads' settlements) in the creator ledger; such lines have no tip. */
export class Migration20261203150100_billing_ad_share_ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table billing.creator_ledger_entries alter column tip_id drop not null;`);
    this.addSql(`alter table billing.creator_ledger_entries drop constraint creator_ledger_entries_kind_check;`);
    this.addSql(`alter table billing.creator_ledger_entries add constraint creator_ledger_entries_kind_check
      check (kind in ('tip', 'reversal', 'ad_share'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from billing.creator_ledger_entries where kind = 'ad_share';`);
    this.addSql(`alter table billing.creator_ledger_entries drop constraint creator_ledger_entries_kind_check;`);
    this.addSql(`alter table billing.creator_ledger_entries add constraint creator_ledger_entries_kind_check
      check (kind in ('tip', 'reversal'));`);
    this.addSql(`alter table billing.creator_ledger_entries alter column tip_id set not null;`);
  }
}
