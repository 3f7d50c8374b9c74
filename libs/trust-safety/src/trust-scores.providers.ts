import { MessagingModule, PersistenceModule } from '@lib/platform';
import { GetAccountModerationHandler } from './application/trust-scores/get-account-moderation/get-account-moderation.handler.js';
import { PinTrustLevelHandler } from './application/trust-scores/pin-trust-level/pin-trust-level.handler.js';
import { RecomputeTrustOnEvents } from './application/trust-scores/recompute-trust-on-events.js';
import { TrustScores } from './application/trust-scores/trust-scores.js';
import { UnpinTrustLevelHandler } from './application/trust-scores/unpin-trust-level/unpin-trust-level.handler.js';
import { AccountSanctionChangedV1 } from './contracts/index.js';
import { AccountTrustRepository } from './domain/trust-scores/trust-score.js';
import { SqlAccountTrustRepository } from './infrastructure/trust-scores/sql-account-trust.repository.js';
import { AccountTrustController } from './interface/trust-scores/account-trust.controller.js';

/** Trust scores and suspension announcements (docs/adr/0036), wired into TrustSafetyModule. */
export const TRUST_SCORES = {
  imports: [
    PersistenceModule.forFeature([], {
      sqlOnlyTables: ['trust_safety.account_trust', 'trust_safety.trust_follows'],
    }),
    // account-sanction-changed.v1 is translated from ModerationDecided in infrastructure/outbound-events.ts.
    MessagingModule.forContext({ publishes: [AccountSanctionChangedV1], consumers: [RecomputeTrustOnEvents] }),
  ],
  controllers: [AccountTrustController],
  providers: [
    { provide: AccountTrustRepository, useClass: SqlAccountTrustRepository },
    TrustScores,
    RecomputeTrustOnEvents,
    PinTrustLevelHandler,
    UnpinTrustLevelHandler,
    GetAccountModerationHandler,
  ],
};
