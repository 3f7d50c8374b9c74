import { Global, Module } from '@nestjs/common';
import {
  AccountRestrictions,
  DocumentSocketEvents,
  MessagingModule,
  PersistenceModule,
  QueuesModule,
} from '@lib/platform';
// Screening, policy and spam.
import { CurrentPolicy } from './application/policy/current-policy.js';
import { EditPolicyHandler } from './application/policy/edit-policy/edit-policy.handler.js';
import { GetPolicyHandler } from './application/policy/get-policy/get-policy.handler.js';
import { PolicyChangeAudit } from './application/policy/policy-change-audit.js';
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
// Reports, review queue, actions, audit log and standing.
import { ActOnReviewItemHandler } from './application/actions/act-on-review-item/act-on-review-item.handler.js';
import { ActOnReviewItemsHandler } from './application/actions/act-on-review-items/act-on-review-items.handler.js';
import { ModerationEffects } from './application/actions/moderation-effects.js';
import { AuditTrail } from './application/audit/audit-trail.js';
import { ChainedAuditLog } from './application/audit/chained-audit-log.js';
import { ListAuditLogHandler } from './application/audit/list-audit-log/list-audit-log.handler.js';
import { VerifyAuditChain } from './application/audit/verify-audit-chain.js';
import { FileReportHandler } from './application/reports/file-report/file-report.handler.js';
import { ListMyReportsHandler } from './application/reports/list-my-reports/list-my-reports.handler.js';
import { ReportableTargets } from './application/reports/reportable-targets.js';
import { ClaimReviewItemHandler } from './application/review-queue/claim-review-item/claim-review-item.handler.js';
import { GetReviewItemHandler } from './application/review-queue/get-review-item/get-review-item.handler.js';
import { ListQueueHandler } from './application/review-queue/list-queue/list-queue.handler.js';
import { QueueUpdates } from './application/review-queue/queue-updates.js';
import { ReleaseReviewItemHandler } from './application/review-queue/release-review-item/release-review-item.handler.js';
import { ReviewQueue } from './application/review-queue/review-queue.js';
import { AccountTrust } from './application/standing/account-trust.js';
import { SanctionedAccountStandings } from './application/standing/sanctioned-account-standings.js';
import {
  AccountSanctionChangedV1,
  AccountStandings,
  AuditLog,
  ContentActionedV1,
  ModerationDecidedV1,
} from './contracts/index.js';
import { ModerationDecisionRepository } from './domain/actions/moderation-decision.js';
import { ReportRepository } from './domain/reports/report.repository.js';
import { AccountSanctionRepository } from './domain/standing/account-sanction.js';
import { ContextReportableTargets } from './infrastructure/contracts/context-reportable-targets.js';
import { moderationOutboundEvents } from './infrastructure/outbound-events.js';
import { MikroOrmModerationDecisionRepository } from './infrastructure/persistence/mikro-orm-moderation-decision.repository.js';
import { SanctionAccountRestrictions } from './infrastructure/persistence/sanction-account-restrictions.js';
import { SqlAccountSanctionRepository } from './infrastructure/persistence/sql-account-sanction.repository.js';
import { SqlAuditTrail } from './infrastructure/persistence/sql-audit-trail.js';
import { SqlReportRepository } from './infrastructure/persistence/sql-report.repository.js';
import { SqlReviewQueue } from './infrastructure/persistence/sql-review-queue.js';
import {
  TRUST_SAFETY_MODERATION_ENTITIES,
  TRUST_SAFETY_MODERATION_SQL_ONLY_TABLES,
} from './infrastructure/persistence/trust-safety.schemas.js';
import { SocketQueueUpdates } from './infrastructure/realtime/socket-queue-updates.js';
import { AuditLogController } from './interface/http/audit-log.controller.js';
import { ModerationQueueController } from './interface/http/moderation-queue.controller.js';
import { ReportsController } from './interface/http/reports.controller.js';
import { ModerationGateway } from './interface/realtime/moderation.gateway.js';
import { AuditedPolicyChanges } from './application/audit/audited-policy-changes.js';
import { TRUST_SAFETY_SOCKET_EVENTS } from './interface/socket-events.js';
// Appeals, lifting sanctions, statistics and spam labels from decisions.
import { DecideAppealHandler } from './application/appeals/decide-appeal/decide-appeal.handler.js';
import { FileAppealHandler } from './application/appeals/file-appeal/file-appeal.handler.js';
import { GetAppealHandler } from './application/appeals/get-appeal/get-appeal.handler.js';
import { LiftSanctionHandler } from './application/appeals/lift-sanction/lift-sanction.handler.js';
import { ListMyAppealsHandler } from './application/appeals/list-my-appeals/list-my-appeals.handler.js';
import { SanctionLifting } from './application/appeals/sanction-lifting.js';
import { GetModerationStatsHandler } from './application/moderation-stats/get-moderation-stats/get-moderation-stats.handler.js';
import { ModerationStatistics } from './application/moderation-stats/moderation-stats.js';
import { ScreenedTexts, SpamDecisionLabels } from './application/spam/spam-decision-labels.js';
import { AppealRepository } from './domain/appeals/appeal.js';
import { SanctionLiftRepository } from './domain/appeals/sanction-lift.js';
import { appealOutboundEvents } from './infrastructure/appeals/appeal-outbound-events.js';
import { TRUST_SAFETY_APPEAL_ENTITIES } from './infrastructure/appeals/appeal.schemas.js';
import {
  MikroOrmAppealRepository,
  MikroOrmSanctionLiftRepository,
} from './infrastructure/appeals/mikro-orm-appeal.repository.js';
import { SqlModerationStatistics } from './infrastructure/moderation-stats/sql-moderation-statistics.js';
import { SqlScreenedTexts } from './infrastructure/spam/sql-screened-texts.js';
import { AppealsAdminController } from './interface/appeals/appeals-admin.controller.js';
import { AppealsController } from './interface/appeals/appeals.controller.js';
// DMCA notices, counter-notices and restoration.
import { DmcaDecisions } from './application/dmca/dmca-decisions.js';
import { DMCA_RESTORATION_QUEUE, DmcaRestorationQueue } from './application/dmca/dmca-restoration-queue.js';
import { DmcaMails, TRUST_SAFETY_MAIL_QUEUE } from './application/dmca/dmca-mails.js';
import { DmcaRestorations } from './application/dmca/dmca-restorations.js';
import { FileCounterNoticeHandler } from './application/dmca/file-counter-notice/file-counter-notice.handler.js';
import { FileDmcaNoticeHandler } from './application/dmca/file-dmca-notice/file-dmca-notice.handler.js';
import { GetDmcaNoticeHandler } from './application/dmca/get-dmca-notice/get-dmca-notice.handler.js';
import { ListDmcaNoticesHandler } from './application/dmca/list-dmca-notices/list-dmca-notices.handler.js';
import { ReportCourtActionHandler } from './application/dmca/report-court-action/report-court-action.handler.js';
import { DmcaNoticeRepository } from './domain/dmca/dmca-notice.repository.js';
import { SqlDmcaNoticeRepository } from './infrastructure/persistence/sql-dmca-notice.repository.js';
import { BullDmcaRestorationQueue } from './infrastructure/queues/bull-dmca-restoration-queue.js';
import { BullDmcaMails } from './infrastructure/queues/bull-dmca-mails.js';
import { DmcaAdminController } from './interface/http/dmca-admin.controller.js';
import { DmcaController } from './interface/http/dmca.controller.js';
import { DmcaJobs } from './interface/jobs/dmca.jobs.js';
import { TRUST_SCORES } from './trust-scores.providers.js';

/**
 * Screening, reports, the review queue, moderation actions, appeals, DMCA and trust scores (see
 * libs/trust-safety/README.md). Global because other contexts inject its contract ports
 * (`ContentScreening`, `AccountStandings`, `AuditLog`) and the platform its `AccountRestrictions`.
 */
@Global()
@DocumentSocketEvents(TRUST_SAFETY_SOCKET_EVENTS)
@Module({
  imports: [
    // screening and policy
    PersistenceModule.forFeature([ScreeningSchema, StoredPolicySchema, SpamModelSchema, SpamExampleSchema]),
    // Reports, review queue, actions, audit log and standing.
    PersistenceModule.forFeature(TRUST_SAFETY_MODERATION_ENTITIES, {
      sqlOnlyTables: TRUST_SAFETY_MODERATION_SQL_ONLY_TABLES,
    }),
    MessagingModule.forContext({
      publishes: [ContentActionedV1, ModerationDecidedV1, AccountSanctionChangedV1],
      outbound: moderationOutboundEvents,
    }),
    // Appeals, lifting sanctions, statistics and spam labels from decisions.
    PersistenceModule.forFeature(TRUST_SAFETY_APPEAL_ENTITIES),
    MessagingModule.forContext({
      publishes: [ContentActionedV1, ModerationDecidedV1, AccountSanctionChangedV1],
      outbound: appealOutboundEvents,
    }),
    // DMCA: restorations after a counter-notice, and mails to claimants (interface/jobs/dmca.jobs.ts).
    QueuesModule.register({ name: DMCA_RESTORATION_QUEUE }),
    QueuesModule.register({ name: TRUST_SAFETY_MAIL_QUEUE }),
    ...TRUST_SCORES.imports,
  ],
  controllers: [
    ModerationPolicyController,
    ScreeningDryRunController,
    // Reports, review queue, actions, audit log and standing.
    ReportsController,
    ModerationQueueController,
    AuditLogController,
    // Appeals, lifting sanctions, statistics.
    AppealsController,
    AppealsAdminController,
    // DMCA.
    DmcaController,
    DmcaAdminController,
    ...TRUST_SCORES.controllers,
  ],
  providers: [
    // screening and policy
    { provide: ModerationPolicyRepository, useClass: MikroOrmModerationPolicyRepository },
    { provide: ScreeningRepository, useClass: MikroOrmScreeningRepository },
    { provide: RepetitionCounter, useClass: RedisRepetitionCounter },
    { provide: PolicyChangeAudit, useClass: AuditedPolicyChanges },
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
    // Reports, review queue, actions, audit log and standing.
    { provide: ReportRepository, useClass: SqlReportRepository },
    { provide: ReviewQueue, useClass: SqlReviewQueue },
    { provide: ModerationDecisionRepository, useClass: MikroOrmModerationDecisionRepository },
    { provide: AccountSanctionRepository, useClass: SqlAccountSanctionRepository },
    { provide: AuditTrail, useClass: SqlAuditTrail },
    { provide: ReportableTargets, useClass: ContextReportableTargets },
    { provide: QueueUpdates, useClass: SocketQueueUpdates },
    { provide: AccountStandings, useClass: SanctionedAccountStandings },
    { provide: AuditLog, useClass: ChainedAuditLog },
    { provide: AccountRestrictions, useClass: SanctionAccountRestrictions },
    AccountTrust,
    ModerationEffects,
    FileReportHandler,
    ListMyReportsHandler,
    ListQueueHandler,
    GetReviewItemHandler,
    ClaimReviewItemHandler,
    ReleaseReviewItemHandler,
    ActOnReviewItemHandler,
    ActOnReviewItemsHandler,
    ListAuditLogHandler,
    VerifyAuditChain,
    ModerationGateway,
    // Appeals, lifting sanctions, statistics and spam labels from decisions.
    { provide: AppealRepository, useClass: MikroOrmAppealRepository },
    { provide: SanctionLiftRepository, useClass: MikroOrmSanctionLiftRepository },
    { provide: ModerationStatistics, useClass: SqlModerationStatistics },
    { provide: ScreenedTexts, useClass: SqlScreenedTexts },
    SanctionLifting,
    SpamDecisionLabels,
    FileAppealHandler,
    ListMyAppealsHandler,
    GetAppealHandler,
    DecideAppealHandler,
    LiftSanctionHandler,
    GetModerationStatsHandler,
    // DMCA.
    { provide: DmcaNoticeRepository, useClass: SqlDmcaNoticeRepository },
    { provide: DmcaRestorationQueue, useClass: BullDmcaRestorationQueue },
    { provide: DmcaMails, useClass: BullDmcaMails },
    DmcaDecisions,
    DmcaRestorations,
    FileDmcaNoticeHandler,
    FileCounterNoticeHandler,
    ReportCourtActionHandler,
    ListDmcaNoticesHandler,
    GetDmcaNoticeHandler,
    DmcaJobs,
    ...TRUST_SCORES.providers,
  ],
  exports: [
    ContentScreening,
    // Reports, review queue, actions, audit log and standing.
    AccountStandings,
    AuditLog,
    AccountRestrictions,
  ],
})
export class TrustSafetyModule {}
