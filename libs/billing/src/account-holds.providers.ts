import { MessagingModule, PersistenceModule } from '@lib/platform';
import { AccountBillingHolds } from './application/holds/account-billing-holds.js';
import { HoldBillingOnAccountSanction } from './application/holds/hold-billing-on-account-sanction.js';
import { AccountBillingHold } from './contracts/account-billing-hold.js';
import { AccountHoldRepository } from './domain/hold/account-hold.js';
import { SqlAccountHoldRepository } from './infrastructure/holds/sql-account-hold.repository.js';

/** Billing holds while an account is suspended or banned (docs/adr/0036), wired into BillingModule. */
export const ACCOUNT_HOLDS = {
  imports: [
    PersistenceModule.forFeature([], { sqlOnlyTables: ['billing.account_holds'] }),
    MessagingModule.forContext({ consumers: [HoldBillingOnAccountSanction] }),
  ],
  providers: [
    { provide: AccountHoldRepository, useClass: SqlAccountHoldRepository },
    { provide: AccountBillingHold, useClass: AccountBillingHolds },
    HoldBillingOnAccountSanction,
  ],
  exports: [AccountBillingHold],
};
