import { AdsModule } from '@lib/ads';
import { BillingModule } from '@lib/billing';
import { EngagementModule } from '@lib/engagement';
import { IdentityModule } from '@lib/identity';
import { InsightsModule } from '@lib/insights';
import { StudioModule } from '@lib/studio';
import { TrustSafetyModule } from '@lib/trust-safety';

/** The bounded contexts this deployment runs; every process loads the same list. */
export const CONTEXT_MODULES = [
  IdentityModule,
  BillingModule,
  EngagementModule,
  StudioModule,
  TrustSafetyModule,
  InsightsModule,
  AdsModule,
];
