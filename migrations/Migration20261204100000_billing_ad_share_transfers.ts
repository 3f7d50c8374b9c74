import { Migration } from '@mikro-orm/migrations';

/** Billing: a creator's ad share is paid by a transfer to their payout account; the line records it once made. */
export class Migration20261204100000_billing_ad_share_transfers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table billing.creator_ledger_entries add column transfer_id text null;`);
    this.addSql(`alter table billing.creator_ledger_entries add column transferred_at timestamptz null;`);
    this.addSql(`create index creator_ledger_entries_ad_share_awaiting_transfer on billing.creator_ledger_entries
      (creator_id, occurred_at) where kind = 'ad_share' and transfer_id is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index billing.creator_ledger_entries_ad_share_awaiting_transfer;`);
    this.addSql(`alter table billing.creator_ledger_entries drop column transferred_at;`);
    this.addSql(`alter table billing.creator_ledger_entries drop column transfer_id;`);
  }
}
