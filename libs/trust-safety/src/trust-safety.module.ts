import { Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@lib/platform';
import { CurrentPolicy } from './application/policy/current-policy.js';
import { EditPolicyHandler } from './application/policy/edit-policy/edit-policy.handler.js';
import { GetPolicyHandler } from './application/policy/get-policy/get-policy.handler.js';
import { LoggedPolicyChanges, PolicyChangeAudit } from './application/policy/policy-change-audit.js';
import { ContentScreener } from './application/screening/content-screener.js';
import { EvaluateSpamModelHandler } from './application/spam/evaluate-spam-model/evaluate-spam-model.handler.js';
import { LatestSpamModel } from './application/spam/latest-spam-model.js';
import { SpamCorpus } from './application/spam/spam-corpus.js';
import { SpamLabels } from './application/spam/spam-labels.js';
import { SpamScorer } from './application/spam/spam-scorer.js';
import { TrainSpamModelHandler } from './application/spam/train-spam-model/train-spam-model.handler.js';
import { ContentScreening } from './contracts/index.js';
import { ModerationPolicyRepository } from './domain/policy/moderation-policy.repository.js';
import { RepetitionCounter } from './domain/screening/repetition-counter.js';
import { ScreeningRepository } from './domain/screening/screening.repository.js';
import { SpamExampleRepository, SpamModelRepository } from './domain/spam/spam.repository.js';
import { MikroOrmModerationPolicyRepository } from './infrastructure/policy/mikro-orm-moderation-policy.repository.js';
import { StoredPolicySchema } from './infrastructure/policy/policy.schemas.js';
import { MikroOrmScreeningRepository } from './infrastructure/screening/mikro-orm-screening.repository.js';
import { RedisRepetitionCounter } from './infrastructure/screening/redis-repetition-counter.js';
import { ScreeningSchema } from './infrastructure/screening/screening.schemas.js';
import {
  MikroOrmSpamExampleRepository,
  MikroOrmSpamModelRepository,
} from './infrastructure/spam/mikro-orm-spam.repositories.js';
import { ModerationPolicyController } from './interface/policy/moderation-policy.controller.js';
import { ScreeningDryRunController } from './interface/screening/screening-dry-run.controller.js';
import { SpamAssassinCorpus } from './infrastructure/spam/spam-assassin-corpus.js';
import { SpamExampleSchema, SpamModelSchema } from './infrastructure/spam/spam.schemas.js';

/**
 * Screening, reports, the review queue, moderation actions, appeals, DMCA and trust scores (see
 * libs/trust-safety/README.md). Global because other contexts inject its contract ports
 * (`ContentScreening`, `AccountStandings`).
 */
@Global()
@Module({
  imports: [
    // screening and policy
    PersistenceModule.forFeature([ScreeningSchema, StoredPolicySchema, SpamModelSchema, SpamExampleSchema]),
  ],
  controllers: [ModerationPolicyController, ScreeningDryRunController],
  providers: [
    // screening and policy
    { provide: ModerationPolicyRepository, useClass: MikroOrmModerationPolicyRepository },
    { provide: ScreeningRepository, useClass: MikroOrmScreeningRepository },
    { provide: RepetitionCounter, useClass: RedisRepetitionCounter },
    { provide: PolicyChangeAudit, useClass: LoggedPolicyChanges }, // the audit log replaces this binding
    CurrentPolicy,
    GetPolicyHandler,
    EditPolicyHandler,
    ContentScreener,
    { provide: ContentScreening, useExisting: ContentScreener },
    // spam model
    { provide: SpamModelRepository, useClass: MikroOrmSpamModelRepository },
    { provide: SpamExampleRepository, useClass: MikroOrmSpamExampleRepository },
    { provide: SpamCorpus, useClass: SpamAssassinCorpus },
    LatestSpamModel,
    { provide: SpamScorer, useExisting: LatestSpamModel },
    SpamLabels,
    TrainSpamModelHandler,
    EvaluateSpamModelHandler,
  ],
  exports: [ContentScreening],
})
export class TrustSafetyModule {}
