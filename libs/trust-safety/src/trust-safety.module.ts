import { Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/platform';
import { CurrentPolicy } from './application/policy/current-policy.js';
import { ContentScreener } from './application/screening/content-screener.js';
import { SpamScorer } from './application/spam/spam-scorer.js';
import { ContentScreening } from './contracts/index.js';
import { ModerationPolicyRepository } from './domain/policy/moderation-policy.repository.js';
import { RepetitionCounter } from './domain/screening/repetition-counter.js';
import { ScreeningRepository } from './domain/screening/screening.repository.js';
import { MikroOrmModerationPolicyRepository } from './infrastructure/policy/mikro-orm-moderation-policy.repository.js';
import { StoredPolicySchema } from './infrastructure/policy/policy.schemas.js';
import { MikroOrmScreeningRepository } from './infrastructure/screening/mikro-orm-screening.repository.js';
import { RedisRepetitionCounter } from './infrastructure/screening/redis-repetition-counter.js';
import { ScreeningSchema } from './infrastructure/screening/screening.schemas.js';
import { NoSpamModel } from './infrastructure/spam/no-spam-model.js';

/**
 * Screening, reports, the review queue, moderation actions, appeals, DMCA and trust scores (see
 * libs/trust-safety/README.md). Global because other contexts inject its contract ports
 * (`ContentScreening`, `AccountStandings`).
 */
@Global()
@Module({
  imports: [
    // screening and policy
    PersistenceModule.forFeature([ScreeningSchema, StoredPolicySchema]),
  ],
  controllers: [],
  providers: [
    // screening and policy
    { provide: ModerationPolicyRepository, useClass: MikroOrmModerationPolicyRepository },
    { provide: ScreeningRepository, useClass: MikroOrmScreeningRepository },
    { provide: RepetitionCounter, useClass: RedisRepetitionCounter },
    { provide: SpamScorer, useClass: NoSpamModel },
    CurrentPolicy,
    ContentScreener,
    { provide: ContentScreening, useExisting: ContentScreener },
  ],
  exports: [ContentScreening],
})
export class TrustSafetyModule {}
