import { AppConfig } from '@config';
import { MessagingModule, PersistenceModule } from '@lib/platform';
import { JournalOverage } from './application/usage/journal-overage.js';
import { MeteredBillingProvider } from './application/usage/metered-billing-provider.js';
import { SandboxHost } from './infrastructure/sandbox/sandbox-host.js';
import { StripeMeteredBilling, UnavailableMeteredBilling } from './infrastructure/stripe/stripe-metered-billing.js';
import { ApiKeyUsage } from './application/usage/api-key-usage.js';
import { CountingApiUsageMeter } from './application/usage/counting-api-usage-meter.js';
import { MeteredUsageObserver } from './application/usage/metered-usage-observer.js';
import { OverageMeter } from './application/usage/overage-meter.js';
import { UsageAlerts } from './application/usage/usage-alerts.js';
import { UsageObserver } from './application/usage/usage-observer.js';
import { ApiUsageMeter } from './contracts/api-usage-meter.js';
import { SqlApiKeyUsage } from './infrastructure/usage/sql-api-key-usage.js';
import { SqlOverageMeter } from './infrastructure/usage/sql-overage-meter.js';
import { SqlUsageAlerts } from './infrastructure/usage/sql-usage-alerts.js';

/** Metered usage: alerts at 80/100%, API calls per key, overage reported to the meter (docs/adr/0057), wired into BillingModule. */
export const METERING = {
  imports: [
    PersistenceModule.forFeature([], {
      sqlOnlyTables: [
        'billing.usage_alerts',
        'billing.api_key_usage',
        'billing.overage_reports',
        'billing.overage_prices',
        'billing.overage_items',
      ],
    }),
    MessagingModule.forContext({ consumers: [JournalOverage] }),
  ],
  providers: [
    JournalOverage,
    {
      provide: MeteredBillingProvider,
      inject: [AppConfig, SandboxHost],
      useFactory: (config: AppConfig, sandbox: SandboxHost) => {
        if (config.billing.provider === 'sandbox') return sandbox.meteredBilling();
        if (config.billing.provider === 'none') return new UnavailableMeteredBilling();
        const stripe = config.billing.stripe;
        return new StripeMeteredBilling({ ...stripe, secretKey: stripe.secretKey! });
      },
    },
    { provide: UsageAlerts, useClass: SqlUsageAlerts },
    { provide: OverageMeter, useClass: SqlOverageMeter },
    { provide: UsageObserver, useClass: MeteredUsageObserver },
    { provide: ApiKeyUsage, useClass: SqlApiKeyUsage },
    { provide: ApiUsageMeter, useClass: CountingApiUsageMeter },
  ],
  exports: [ApiUsageMeter],
};
