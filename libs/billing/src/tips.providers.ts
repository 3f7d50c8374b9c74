import { AppConfig } from '@config';
import { MessagingModule, PersistenceModule } from '@lib/platform';
import { ConnectPayoutAccountHandler } from './application/commands/connect-payout-account/connect-payout-account.handler.js';
import { StartTipHandler } from './application/commands/start-tip/start-tip.handler.js';
import { ConnectProvider } from './application/connect-provider.js';
import { HoldPayoutsOnSanction, HoldPayoutsOnTakedown } from './application/holds/hold-payouts.js';
import { GetCreatorLedgerHandler } from './application/queries/get-creator-ledger/get-creator-ledger.handler.js';
import { GetPayoutAccountHandler } from './application/queries/get-payout-account/get-payout-account.handler.js';
import { AdShareTransfers } from './application/tips/ad-share-transfers.js';
import { ConnectFactApplier } from './application/tips/connect-fact-applier.js';
import { PayoutHolds } from './application/tips/payout-holds.js';
import { RecordAdRevenueShare } from './application/tips/record-ad-revenue-share.js';
import {
  CreatorLedger,
  PayoutAccountRepository,
  PayoutHoldRepository,
  TipRepository,
} from './domain/tips/tips.repository.js';
import { SandboxHost } from './infrastructure/sandbox/sandbox-host.js';
import { StripeConnectProvider, UnavailableConnectProvider } from './infrastructure/stripe/stripe-connect-provider.js';
import {
  SqlCreatorLedger,
  SqlPayoutAccountRepository,
  SqlPayoutHoldRepository,
  SqlTipRepository,
} from './infrastructure/tips/sql-tips.repositories.js';
import { SandboxConnectController } from './interface/http/sandbox-connect.controller.js';
import { TipsController } from './interface/http/tips.controller.js';

/** Tips, creator payout accounts, the creator ledger and payout holds (Stripe Connect; docs/adr/0051), wired into BillingModule. */
export const TIPS = {
  imports: [
    PersistenceModule.forFeature([], {
      sqlOnlyTables: [
        'billing.payout_accounts',
        'billing.tips',
        'billing.creator_ledger_entries',
        'billing.creator_payouts',
        'billing.payout_holds',
      ],
    }),
    MessagingModule.forContext({ consumers: [HoldPayoutsOnSanction, HoldPayoutsOnTakedown, RecordAdRevenueShare] }),
  ],
  controllers: [TipsController, SandboxConnectController],
  providers: [
    {
      provide: ConnectProvider,
      inject: [AppConfig, SandboxHost],
      useFactory: (config: AppConfig, sandbox: SandboxHost) => {
        if (config.billing.provider === 'sandbox') return sandbox.connectProvider();
        if (config.billing.provider === 'none') return new UnavailableConnectProvider();
        const stripe = config.billing.stripe;
        return new StripeConnectProvider({ ...stripe, secretKey: stripe.secretKey! });
      },
    },
    { provide: PayoutAccountRepository, useClass: SqlPayoutAccountRepository },
    { provide: TipRepository, useClass: SqlTipRepository },
    { provide: CreatorLedger, useClass: SqlCreatorLedger },
    { provide: PayoutHoldRepository, useClass: SqlPayoutHoldRepository },
    PayoutHolds,
    AdShareTransfers,
    ConnectFactApplier,
    ConnectPayoutAccountHandler,
    StartTipHandler,
    GetPayoutAccountHandler,
    GetCreatorLedgerHandler,
    HoldPayoutsOnSanction,
    HoldPayoutsOnTakedown,
    RecordAdRevenueShare,
  ],
};
