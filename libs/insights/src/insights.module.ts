import { Global, Module } from '@nestjs/common';
import { MessagingModule, PersistenceModule, QueuesModule, DocumentSocketEvents } from '@lib/platform';
import { AnalyticsReader } from './application/analytics-reader.js';
import { AnalyticsAccess } from './application/analytics-access.js';
import { ChannelMembership } from './application/channel-membership.js';
import { IngestEventsHandler } from './application/commands/ingest-events/ingest-events.handler.js';
import { RebuildRollupsHandler } from './application/commands/rebuild-rollups/rebuild-rollups.handler.js';
import { RequestExportHandler } from './application/commands/request-export/request-export.handler.js';
import { DomainFacts, VideoCatalogue } from './application/domain-facts.js';
import { EventStore, LiveCounters, PartitionMaintenance, RollupBuilder } from './application/event-store.js';
import { ExportProducer } from './application/exports/export-producer.js';
import { ExportRetention } from './application/exports/export-retention.js';
import { EXPORT_QUEUE, ExportQueue, MAINTENANCE_QUEUE } from './application/exports/export-queue.js';
import { ExportFiles, ReportRenderer, ReportSource } from './application/exports/report-source.js';
import { ExportRevenueStreamsHandler } from './application/queries/export-revenue-streams/export-revenue-streams.handler.js';
import { GetChannelOverviewHandler } from './application/queries/get-channel-overview/get-channel-overview.handler.js';
import { GetExportHandler } from './application/queries/get-export/get-export.handler.js';
import { GetPlatformOverviewHandler } from './application/queries/get-platform-overview/get-platform-overview.handler.js';
import { GetVideoInsightsHandler } from './application/queries/get-video-insights/get-video-insights.handler.js';
import {
  RecordBillingEvents,
  RecordEngagementEvents,
  RecordIdentityEvents,
} from './application/reactions/record-domain-events.js';
import { RecordRevenueStreams } from './application/reactions/record-revenue-streams.js';
import { RecordInteractionEvents } from './application/reactions/record-interaction-events.js';
import { RecordCommentEvents } from './application/reactions/record-comment-events.js';
import { RecordStudioEvents } from './application/reactions/record-studio-events.js';
import { RollupRunner } from './application/rollup-runner.js';
import { VideoDirectory } from './application/video-directory.js';
import { VideoViewTotals, ViewCountPublisher } from './application/view-counts.js';
import { ViewCountBatchRepository } from './domain/view-count-batch.js';
import {
  MikroOrmViewCountBatchRepository,
  SqlVideoViewTotals,
} from './infrastructure/persistence/sql-video-view-totals.js';
import { WeeklyReports, WeeklyReportStore } from './application/weekly-reports.js';
import { Experiments, ExportReadyV1, VideoViewsCountedV1 } from './contracts/index.js';
import { ChangeExperimentArmsHandler } from './application/commands/change-experiment-arms/change-experiment-arms.handler.js';
import { CreateExperimentHandler } from './application/commands/create-experiment/create-experiment.handler.js';
import { StartExperimentHandler } from './application/commands/start-experiment/start-experiment.handler.js';
import { StopExperimentHandler } from './application/commands/stop-experiment/stop-experiment.handler.js';
import { ExperimentAssignments } from './application/experiments/experiment-assignments.js';
import { ExperimentEventGate } from './application/experiments/experiment-event-gate.js';
import { ExperimentTracking } from './application/experiments/experiment-tracking.js';
import { GetExperimentHandler } from './application/queries/get-experiment/get-experiment.handler.js';
import { ListExperimentsHandler } from './application/queries/list-experiments/list-experiments.handler.js';
import { AttributeExperimentSubscriptions } from './application/reactions/attribute-experiment-subscriptions.js';
import { ExperimentRepository } from './domain/experiments/experiment.js';
import { MikroOrmExperimentRepository } from './infrastructure/persistence/mikro-orm-experiment.repository.js';
import { SqlExperimentTracking } from './infrastructure/persistence/sql-experiment-tracking.js';
import { AdminExperimentsController } from './interface/http/admin-experiments.controller.js';
import { ExportRepository } from './domain/export.js';
import { StudioChannelMembership } from './infrastructure/studio-channel-membership.js';
import { StudioVideoDirectory } from './infrastructure/studio-video-directory.js';
import { FileReportRenderer } from './infrastructure/exports/file-report-renderer.js';
import { BullExportQueue } from './infrastructure/queues/bull-export-queue.js';
import { SqlReportSource } from './infrastructure/exports/sql-report-source.js';
import { insightsOutboundEvents } from './infrastructure/outbound-events.js';
import { INSIGHTS_ENTITIES, INSIGHTS_SQL_ONLY_TABLES } from './infrastructure/persistence/insights.schemas.js';
import { MikroOrmExportRepository } from './infrastructure/persistence/mikro-orm-export.repository.js';
import { SqlAnalyticsReader } from './infrastructure/persistence/sql-analytics-reader.js';
import { SqlDomainFacts, SqlVideoCatalogue } from './infrastructure/persistence/sql-domain-facts.js';
import { SqlEventStore, SqlPartitionMaintenance } from './infrastructure/persistence/sql-event-store.js';
import { SqlExportFiles } from './infrastructure/persistence/sql-export-files.js';
import { SqlRollupBuilder } from './infrastructure/persistence/sql-rollup-builder.js';
import { SqlWeeklyReportStore } from './infrastructure/persistence/sql-weekly-report-store.js';
import { LivePublisher } from './infrastructure/realtime/live-publisher.js';
import { RedisLiveCounters } from './infrastructure/realtime/redis-live-counters.js';
import { AdminInsightsController } from './interface/http/admin-insights.controller.js';
import { EventsController } from './interface/http/events.controller.js';
import { ExportsController } from './interface/http/exports.controller.js';
import { InsightsController } from './interface/http/insights.controller.js';
import { InsightsJobs } from './interface/jobs/insights-jobs.processor.js';
import { InsightsGateway } from './interface/realtime/insights.gateway.js';
import { INSIGHTS_SOCKET_EVENTS } from './interface/socket-events.js';

/**
 * Event ingestion, rollups, creator and platform analytics, live counters, exports, experiments
 * (see libs/insights/README.md for the data flow). Global because other contexts inject its
 * `Experiments` contract port (as studio's `PublishedCatalog`).
 */
@Global()
@DocumentSocketEvents(INSIGHTS_SOCKET_EVENTS)
@Module({
  imports: [
    PersistenceModule.forFeature(INSIGHTS_ENTITIES, { sqlOnlyTables: INSIGHTS_SQL_ONLY_TABLES }),
    MessagingModule.forContext({
      publishes: [ExportReadyV1, VideoViewsCountedV1],
      outbound: insightsOutboundEvents,
      consumers: [
        RecordIdentityEvents,
        RecordBillingEvents,
        RecordEngagementEvents,
        RecordStudioEvents,
        RecordInteractionEvents,
        RecordCommentEvents,
        AttributeExperimentSubscriptions,
        RecordRevenueStreams,
      ],
    }),
    // Handled (and their job options declared) by interface/jobs/insights-jobs.processor.ts.
    QueuesModule.register({ name: EXPORT_QUEUE }, { name: MAINTENANCE_QUEUE }),
  ],
  controllers: [
    EventsController,
    InsightsController,
    AdminInsightsController,
    ExportsController,
    AdminExperimentsController,
  ],
  providers: [
    { provide: EventStore, useClass: SqlEventStore },
    { provide: RollupBuilder, useClass: SqlRollupBuilder },
    { provide: PartitionMaintenance, useClass: SqlPartitionMaintenance },
    { provide: LiveCounters, useClass: RedisLiveCounters },
    { provide: AnalyticsReader, useClass: SqlAnalyticsReader },
    { provide: DomainFacts, useClass: SqlDomainFacts },
    { provide: VideoCatalogue, useClass: SqlVideoCatalogue },
    { provide: ChannelMembership, useClass: StudioChannelMembership },
    AnalyticsAccess,
    { provide: VideoDirectory, useClass: StudioVideoDirectory },
    { provide: ExportRepository, useClass: MikroOrmExportRepository },
    { provide: ReportSource, useClass: SqlReportSource },
    { provide: ReportRenderer, useClass: FileReportRenderer },
    { provide: ExportFiles, useClass: SqlExportFiles },
    { provide: WeeklyReportStore, useClass: SqlWeeklyReportStore },
    RollupRunner,
    ViewCountPublisher,
    { provide: VideoViewTotals, useClass: SqlVideoViewTotals },
    { provide: ViewCountBatchRepository, useClass: MikroOrmViewCountBatchRepository },
    { provide: ExportQueue, useClass: BullExportQueue },
    ExportProducer,
    ExportRetention,
    WeeklyReports,
    LivePublisher,
    InsightsJobs,
    InsightsGateway,
    IngestEventsHandler,
    RebuildRollupsHandler,
    RequestExportHandler,
    GetChannelOverviewHandler,
    GetVideoInsightsHandler,
    GetPlatformOverviewHandler,
    ExportRevenueStreamsHandler,
    GetExportHandler,
    RecordIdentityEvents,
    RecordBillingEvents,
    RecordEngagementEvents,
    RecordStudioEvents,
    RecordInteractionEvents,
    RecordCommentEvents,
    RecordRevenueStreams,
    { provide: ExperimentRepository, useClass: MikroOrmExperimentRepository },
    { provide: ExperimentTracking, useClass: SqlExperimentTracking },
    ExperimentAssignments,
    { provide: Experiments, useExisting: ExperimentAssignments },
    ExperimentEventGate,
    CreateExperimentHandler,
    ChangeExperimentArmsHandler,
    StartExperimentHandler,
    StopExperimentHandler,
    GetExperimentHandler,
    ListExperimentsHandler,
    AttributeExperimentSubscriptions,
  ],
  exports: [Experiments],
})
export class InsightsModule {}
