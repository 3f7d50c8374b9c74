import { Global, Module } from '@nestjs/common';
import { MessagingModule, PersistenceModule, QueuesModule, SearchModule, DocumentSocketEvents } from '@lib/platform';
import { CatalogDocuments } from './application/catalog/catalog-index.js';
import { ChannelTeams } from './application/channel-teams.js';
import { ChangeMemberRoleHandler } from './application/commands/change-member-role/change-member-role.handler.js';
import { CreateChannelHandler } from './application/commands/create-channel/create-channel.handler.js';
import { InviteMemberHandler } from './application/commands/invite-member/invite-member.handler.js';
import { RemoveMemberHandler } from './application/commands/remove-member/remove-member.handler.js';
import { RespondToInvitationHandler } from './application/commands/respond-to-invitation/respond-to-invitation.handler.js';
import { TransferOwnershipHandler } from './application/commands/transfer-ownership/transfer-ownership.handler.js';
import { UpdateChannelHandler } from './application/commands/update-channel/update-channel.handler.js';
import { WithdrawEmailInvitationHandler } from './application/commands/withdraw-email-invitation/withdraw-email-invitation.handler.js';
import { ApplyTemplateHandler } from './application/commands/apply-template/apply-template.handler.js';
import { BatchEditHandler } from './application/commands/batch-edit/batch-edit.handler.js';
import { CreateCollectionHandler } from './application/commands/create-collection/create-collection.handler.js';
import { CreateSeriesHandler } from './application/commands/create-series/create-series.handler.js';
import { CreateTemplateHandler } from './application/commands/create-template/create-template.handler.js';
import { CreateVideoHandler } from './application/commands/create-video/create-video.handler.js';
import { DeleteCollectionHandler } from './application/commands/delete-collection/delete-collection.handler.js';
import { DeleteTemplateHandler } from './application/commands/delete-template/delete-template.handler.js';
import { DeleteVideoHandler } from './application/commands/delete-video/delete-video.handler.js';
import { RemoveCaptionHandler } from './application/commands/remove-caption/remove-caption.handler.js';
import { RetryVideoHandler } from './application/commands/retry-video/retry-video.handler.js';
import { SetCaptionHandler } from './application/commands/set-caption/set-caption.handler.js';
import { UpdateVideoHandler } from './application/commands/update-video/update-video.handler.js';
import { BulkPublishHandler } from './application/commands/bulk-publish/bulk-publish.handler.js';
import { PublishVideoHandler } from './application/commands/publish-video/publish-video.handler.js';
import { UnpublishVideoHandler } from './application/commands/unpublish-video/unpublish-video.handler.js';
import { VideoBatch } from './application/video-batch.js';
import { ScreenedTexts } from './application/screened-texts.js';
import { VideoEdits } from './application/video-edits.js';
import { ChannelAccess, MediaProcessingListener } from './application/media/media-ports.js';
import { VideoProcessingListener } from './application/processing/video-processing-listener.js';
import { PUBLISH_QUEUE, PublishQueue } from './application/publishing/publish-queue.js';
import { PublishingSchedule } from './application/publishing/publishing-schedule.js';
import { PersistenceScope } from './application/persistence-scope.js';
import { Publisher } from './application/publishing/publisher.js';
import { GetChannelHandler } from './application/queries/get-channel/get-channel.handler.js';
import { ListMyChannelsHandler } from './application/queries/list-my-channels/list-my-channels.handler.js';
import { ChannelViews } from './application/channel-views.js';
import { BrandingViews } from './application/branding-views.js';
import { ChannelBrandingChanges } from './application/channel-branding.js';
import { ClearChannelBrandingHandler } from './application/commands/clear-channel-branding/clear-channel-branding.handler.js';
import { RemoveBrandingImageHandler } from './application/commands/remove-branding-image/remove-branding-image.handler.js';
import { SetChannelBrandingHandler } from './application/commands/set-channel-branding/set-channel-branding.handler.js';
import { UploadBrandingImageHandler } from './application/commands/upload-branding-image/upload-branding-image.handler.js';
import { GetChannelBrandingHandler } from './application/queries/get-channel-branding/get-channel-branding.handler.js';
import { BrandingBodyParser } from './infrastructure/branding-body-parser.js';
import { BrandingController } from './interface/http/branding.controller.js';
import { GetSeriesHandler } from './application/queries/get-series/get-series.handler.js';
import { ListChannelThingsHandler } from './application/queries/list-channel-things/list-channel-things.handler.js';
import { LibraryReadModel } from './application/queries/library-read-model.js';
import { GetLibraryHandler } from './application/queries/get-library/get-library.handler.js';
import { VideoLibraryReadModel } from './application/queries/get-library/video-library.read-model.js';
import { CatalogVideoReadModel } from './application/queries/get-catalog-video/catalog-video.read-model.js';
import { GetVideoHandler } from './application/queries/get-video/get-video.handler.js';
import { GetCaptionFileHandler } from './application/queries/get-caption-file/get-caption-file.handler.js';
import { GetCatalogVideoHandler } from './application/queries/get-catalog-video/get-catalog-video.handler.js';
import { GetPlaybackHandler } from './application/queries/get-playback/get-playback.handler.js';
import { SearchCatalogHandler } from './application/queries/search-catalog/search-catalog.handler.js';
import { SuggestCatalogHandler } from './application/queries/suggest-catalog/suggest-catalog.handler.js';
import { VideoViews } from './application/queries/videos/video.views.js';
import { ProjectCatalog } from './application/reactions/project-catalog.js';
import { ProjectCatalogCounts } from './application/reactions/project-catalog-counts.js';
import { CatalogCounts } from './application/catalog/catalog-counts.js';
import { SqlCatalogCounts } from './infrastructure/persistence/sql-catalog-counts.js';
import { RememberPerson } from './application/reactions/remember-person.js';
import { ApplyAccountSanctions } from './application/moderation/apply-account-sanctions.js';
import { ApplyContentActions } from './application/moderation/apply-content-actions.js';
import { CatalogVisibility } from './application/moderation/catalog-visibility.js';
import { ContentRestrictions } from './application/moderation/content-restrictions.js';
import { SqlContentRestrictions } from './infrastructure/persistence/sql-content-restrictions.js';
import { VideoGate } from './application/video-gate.js';
import {
  ChannelCreatedV1,
  TranscodingFailedV1,
  TranscodingProgressedV1,
  VideoDeletedV1,
  VideoPublishedV1,
  VideoUnpublishedV1,
  VideoUpdatedV1,
} from './contracts/index.js';
import { ChannelRepository } from './domain/channel/channel.repository.js';
import { LibraryRepository } from './domain/library/library.repository.js';
import { PersonRepository } from './domain/people/person.repository.js';
import { VideoRepository } from './domain/video/video.repository.js';
import {
  MEDIA_CONTROLLERS,
  MEDIA_ENTITIES,
  MEDIA_IMPORTS,
  MEDIA_PROVIDERS,
  MEDIA_SQL_ONLY_TABLES,
} from './infrastructure/media/media.wiring.js';
import { BullPublishQueue } from './infrastructure/queues/bull-publish-queue.js';
import { SqlPublishingSchedule } from './infrastructure/persistence/sql-publishing-schedule.js';
import { MikroOrmPersistenceScope } from './infrastructure/persistence/mikro-orm-persistence-scope.js';
import { studioOutboundEvents } from './infrastructure/outbound-events.js';
import { ChannelSchema, StudioPersonSchema } from './infrastructure/persistence/channel.schemas.js';
import { MikroOrmChannelRepository } from './infrastructure/persistence/mikro-orm-channel.repository.js';
import { MikroOrmLibraryRepository } from './infrastructure/persistence/mikro-orm-library.repository.js';
import { MikroOrmLibraryReadModel } from './infrastructure/persistence/mikro-orm-library-read-model.js';
import { SqlVideoLibraryReadModel } from './infrastructure/persistence/sql-video-library.read-model.js';
import { SqlCatalogVideoReadModel } from './infrastructure/persistence/sql-catalog-video.read-model.js';
import { MikroOrmPersonRepository } from './infrastructure/persistence/mikro-orm-person.repository.js';
import { MikroOrmVideoRepository } from './infrastructure/persistence/mikro-orm-video.repository.js';
import { SqlChannelAccess } from './infrastructure/persistence/sql-channel-access.js';
import { SqlChannelDirectory } from './infrastructure/persistence/sql-channel-directory.js';
import { ChannelDirectory, OwnedChannels, PublishedCatalog } from './contracts/index.js';
import { SqlPublishedCatalog } from './infrastructure/persistence/sql-published-catalog.js';
import { SqlOwnedChannels } from './infrastructure/persistence/sql-owned-channels.js';
import {
  CollectionSchema,
  ContentTemplateSchema,
  SeriesSchema,
  VideoSchema,
} from './infrastructure/persistence/video.schemas.js';
import { CatalogIndexSource } from './infrastructure/search/catalog-index.source.js';
import { CatalogController } from './interface/http/catalog.controller.js';
import { ChannelsController } from './interface/http/channels.controller.js';
import { LibraryController } from './interface/http/library.controller.js';
import { VideosController } from './interface/http/videos.controller.js';
import { PublishingJobs } from './interface/jobs/publishing.jobs.js';
import { STUDIO_SOCKET_EVENTS } from './interface/socket-events.js';

/**
 * Where creators turn files into published episodes. Two halves meet at application/media/media-ports.ts:
 * channels, videos, publishing and the catalog (here), and media — uploads, transcoding, delivery —
 * wired from infrastructure/media/media.wiring.ts. Global because other contexts inject its
 * `ChannelDirectory` port (who is on a channel's team).
 */
@Global()
@DocumentSocketEvents(STUDIO_SOCKET_EVENTS)
@Module({
  imports: [
    PersistenceModule.forFeature(
      [
        StudioPersonSchema,
        ChannelSchema,
        VideoSchema,
        SeriesSchema,
        CollectionSchema,
        ContentTemplateSchema,
        ...MEDIA_ENTITIES,
      ],
      {
        sqlOnlyTables: [...MEDIA_SQL_ONLY_TABLES, 'studio.catalog_counts'],
      },
    ),
    MessagingModule.forContext({
      publishes: [
        ChannelCreatedV1,
        VideoPublishedV1,
        VideoUnpublishedV1,
        VideoUpdatedV1,
        VideoDeletedV1,
        TranscodingProgressedV1,
        TranscodingFailedV1,
      ],
      outbound: studioOutboundEvents,
      consumers: [RememberPerson, ProjectCatalog, ProjectCatalogCounts, ApplyContentActions, ApplyAccountSanctions],
    }),
    QueuesModule.register({ name: PUBLISH_QUEUE }), // scheduled publishing, handled by interface/jobs/publishing.jobs.ts
    SearchModule.forIndex(CatalogIndexSource),
    ...MEDIA_IMPORTS,
  ],
  controllers: [
    ChannelsController,
    BrandingController,
    VideosController,
    LibraryController,
    CatalogController,
    ...MEDIA_CONTROLLERS,
  ],
  providers: [
    { provide: ChannelRepository, useClass: MikroOrmChannelRepository },
    { provide: PersonRepository, useClass: MikroOrmPersonRepository },
    { provide: VideoRepository, useClass: MikroOrmVideoRepository },
    { provide: LibraryRepository, useClass: MikroOrmLibraryRepository },
    { provide: LibraryReadModel, useClass: MikroOrmLibraryReadModel },
    { provide: VideoLibraryReadModel, useClass: SqlVideoLibraryReadModel },
    { provide: CatalogVideoReadModel, useClass: SqlCatalogVideoReadModel },
    // The seam the media side injects (libs/studio/src/application/media/media-ports.ts).
    { provide: ChannelAccess, useClass: SqlChannelAccess },
    { provide: MediaProcessingListener, useClass: VideoProcessingListener },
    { provide: ChannelDirectory, useClass: SqlChannelDirectory },
    { provide: PublishedCatalog, useClass: SqlPublishedCatalog },
    { provide: OwnedChannels, useClass: SqlOwnedChannels },
    ...MEDIA_PROVIDERS,
    ChannelTeams,
    ChannelViews,
    // Channel branding (docs/adr/0062).
    BrandingViews,
    ChannelBrandingChanges,
    BrandingBodyParser,
    SetChannelBrandingHandler,
    UploadBrandingImageHandler,
    RemoveBrandingImageHandler,
    ClearChannelBrandingHandler,
    GetChannelBrandingHandler,
    VideoGate,
    VideoViews,
    VideoEdits,
    VideoBatch,
    ScreenedTexts,
    CatalogDocuments,
    { provide: CatalogCounts, useClass: SqlCatalogCounts },
    ProjectCatalogCounts,
    Publisher,
    { provide: PublishQueue, useClass: BullPublishQueue },
    { provide: PublishingSchedule, useClass: SqlPublishingSchedule },
    { provide: PersistenceScope, useClass: MikroOrmPersistenceScope },
    PublishingJobs,
    RememberPerson,
    ProjectCatalog,
    // Trust & safety's decisions applied to studio's own data (application/moderation, docs/adr/0035).
    { provide: ContentRestrictions, useClass: SqlContentRestrictions },
    CatalogVisibility,
    ApplyContentActions,
    ApplyAccountSanctions,
    CreateChannelHandler,
    UpdateChannelHandler,
    InviteMemberHandler,
    WithdrawEmailInvitationHandler,
    RespondToInvitationHandler,
    RemoveMemberHandler,
    ChangeMemberRoleHandler,
    TransferOwnershipHandler,
    ListMyChannelsHandler,
    GetChannelHandler,
    CreateVideoHandler,
    UpdateVideoHandler,
    SetCaptionHandler,
    RemoveCaptionHandler,
    RetryVideoHandler,
    DeleteVideoHandler,
    PublishVideoHandler,
    UnpublishVideoHandler,
    BulkPublishHandler,
    BatchEditHandler,
    ApplyTemplateHandler,
    CreateSeriesHandler,
    CreateCollectionHandler,
    DeleteCollectionHandler,
    CreateTemplateHandler,
    DeleteTemplateHandler,
    GetVideoHandler,
    GetLibraryHandler,
    ListChannelThingsHandler,
    GetSeriesHandler,
    SearchCatalogHandler,
    SuggestCatalogHandler,
    GetCatalogVideoHandler,
    GetPlaybackHandler,
    GetCaptionFileHandler,
  ],
  exports: [ChannelDirectory, PublishedCatalog, OwnedChannels],
})
export class StudioModule {}
