import { Global, Module } from '@nestjs/common';
import { DocumentSocketEvents, MessagingModule, PersistenceModule, QueuesModule } from '@lib/platform';
import { AddGroupMembersHandler } from './application/commands/add-group-members/add-group-members.handler.js';
import { AnswerMessageRequestHandler } from './application/commands/answer-message-request/answer-message-request.handler.js';
import { ChangeGroupHandler } from './application/commands/change-group/change-group.handler.js';
import { CreateGroupHandler } from './application/commands/create-group/create-group.handler.js';
import { DeleteMessageHandler } from './application/commands/delete-message/delete-message.handler.js';
import { EditMessageHandler } from './application/commands/edit-message/edit-message.handler.js';
import { MarkConversationReadHandler } from './application/commands/mark-conversation-read/mark-conversation-read.handler.js';
import { MarkNotificationsReadHandler } from './application/commands/mark-notifications-read/mark-notifications-read.handler.js';
import { OpenDirectConversationHandler } from './application/commands/open-direct-conversation/open-direct-conversation.handler.js';
import { RemoveGroupMemberHandler } from './application/commands/remove-group-member/remove-group-member.handler.js';
import { SendMessageHandler } from './application/commands/send-message/send-message.handler.js';
import { SetFollowHandler } from './application/commands/set-follow/set-follow.handler.js';
import { SetMemberRoleHandler } from './application/commands/set-member-role/set-member-role.handler.js';
import { SetMessagingSettingsHandler } from './application/commands/set-messaging-settings/set-messaging-settings.handler.js';
import { SetNotificationPreferencesHandler } from './application/commands/set-notification-preferences/set-notification-preferences.handler.js';
import { SetRestrictionHandler } from './application/commands/set-restriction/set-restriction.handler.js';
import { FanOutBatches, NewEpisodeFanOut } from './application/fan-out/new-episode-fan-out.js';
import { ConversationMembers } from './application/messaging/conversation-members.js';
import { DirectConversations } from './application/messaging/direct-conversations.js';
import { MessagingPolicy } from './application/messaging/messaging-policy.js';
import { TypingIndicators } from './application/messaging/typing-indicators.js';
import { NotificationMails } from './application/notification-mails.js';
import { Notifier } from './application/notifier.js';
import { People } from './application/people.js';
import { GetConversationHandler } from './application/queries/get-conversation/get-conversation.handler.js';
import { GetMessagingSettingsHandler } from './application/queries/get-messaging-settings/get-messaging-settings.handler.js';
import { GetNotificationPreferencesHandler } from './application/queries/get-notification-preferences/get-notification-preferences.handler.js';
import { ListConversationsHandler } from './application/queries/list-conversations/list-conversations.handler.js';
import { ListFollowsHandler } from './application/queries/list-follows/list-follows.handler.js';
import { ListMessageEditsHandler } from './application/queries/list-message-edits/list-message-edits.handler.js';
import { ListMessagesHandler } from './application/queries/list-messages/list-messages.handler.js';
import { ListNotificationsHandler } from './application/queries/list-notifications/list-notifications.handler.js';
import { ListRestrictionsHandler } from './application/queries/list-restrictions/list-restrictions.handler.js';
import { ApplyModerationToMessage } from './application/reactions/apply-moderation-to-message.js';
import { NotifyExportReady } from './application/reactions/notify-export-ready.js';
import { NotifyFollowersOnPublish } from './application/reactions/notify-followers-on-publish.js';
import { NotifyMessageRecipients } from './application/reactions/notify-message-recipients.js';
import { NotifyNewFollower } from './application/reactions/notify-new-follower.js';
import { NotifyPaymentFailed } from './application/reactions/notify-payment-failed.js';
import { NotifyUsageThreshold } from './application/reactions/notify-usage-threshold.js';
import { NotifySubscriptionChanges } from './application/reactions/notify-subscription-changes.js';
import { RememberPersonOnProfile } from './application/reactions/remember-person-on-profile.js';
import { WelcomeNewUser } from './application/reactions/welcome-new-user.js';
import { ConversationsReadModel } from './application/read-models/conversations.read-model.js';
import { NotificationsReadModel } from './application/read-models/notifications.read-model.js';
import { SocialGraphReadModel } from './application/read-models/social-graph.read-model.js';
import { MessageSentV1, MessageVisibility, UserFollowedV1, UserUnfollowedV1 } from './contracts/index.js';
import { SqlMessageVisibility } from './infrastructure/read-models/sql-message-visibility.js';
import { SocialGraphView } from './contracts/index.js';
import { SqlSocialGraphView } from './infrastructure/read-models/sql-social-graph-view.js';
import { NotifyModerationDecision } from './application/reactions/notify-moderation-decision.js';
import { ConversationRepository } from './domain/conversation/conversation.repository.js';
import { FollowRepository } from './domain/follow/follow.repository.js';
import { MessageRepository } from './domain/message/message.repository.js';
import { MessageSends } from './domain/message/message-sends.js';
import { MessagingSettingsRepository } from './domain/messaging-settings/messaging-settings.repository.js';
import {
  NotificationPreferenceRepository,
  NotificationRepository,
} from './domain/notification/notification.repository.js';
import { PersonRepository } from './domain/person/person.repository.js';
import { RestrictionRepository } from './domain/restriction/restriction.repository.js';
import { BullFanOutBatches, FAN_OUT_QUEUE } from './infrastructure/jobs/bull-fan-out-batches.js';
import { BullNotificationMails, SEND_MAIL_QUEUE } from './infrastructure/jobs/bull-notification-mails.js';
import { engagementOutboundEvents } from './infrastructure/outbound-events.js';
import { ENGAGEMENT_ENTITIES } from './infrastructure/persistence/engagement.schemas.js';
import { MikroOrmConversationRepository } from './infrastructure/persistence/mikro-orm-conversation.repository.js';
import { MikroOrmFollowRepository } from './infrastructure/persistence/mikro-orm-follow.repository.js';
import { MikroOrmMessageRepository } from './infrastructure/persistence/mikro-orm-message.repository.js';
import { SqlMessageSends } from './infrastructure/persistence/sql-message-sends.js';
import { MikroOrmMessagingSettingsRepository } from './infrastructure/persistence/mikro-orm-messaging-settings.repository.js';
import {
  MikroOrmNotificationPreferenceRepository,
  MikroOrmNotificationRepository,
} from './infrastructure/persistence/mikro-orm-notification.repository.js';
import { MikroOrmPersonRepository } from './infrastructure/persistence/mikro-orm-person.repository.js';
import { SqlRestrictionRepository } from './infrastructure/persistence/sql-restriction.repository.js';
import { SqlConversationsReadModel } from './infrastructure/read-models/sql-conversations.read-model.js';
import { SqlNotificationsReadModel } from './infrastructure/read-models/sql-notifications.read-model.js';
import { SqlSocialGraphReadModel } from './infrastructure/read-models/sql-social-graph.read-model.js';
import { ConversationsController } from './interface/http/conversations.controller.js';
import { NotificationsController } from './interface/http/notifications.controller.js';
import { SocialGraphController } from './interface/http/social-graph.controller.js';
import { EngagementJobs } from './interface/jobs/engagement-jobs.processor.js';
import { MessagingGateway } from './interface/socket/messaging.gateway.js';

// likes, ratings, playlists, watch progress and history (one block, see libs/engagement/README.md)
import { ChangePlaylistHandler } from './application/commands/change-playlist/change-playlist.handler.js';
import { ClearHistoryHandler } from './application/commands/clear-history/clear-history.handler.js';
import { CreatePlaylistHandler } from './application/commands/create-playlist/create-playlist.handler.js';
import { DeleteHistoryEntryHandler } from './application/commands/delete-history-entry/delete-history-entry.handler.js';
import { DeletePlaylistHandler } from './application/commands/delete-playlist/delete-playlist.handler.js';
import { ReorderPlaylistHandler } from './application/commands/reorder-playlist/reorder-playlist.handler.js';
import { ReportProgressHandler } from './application/commands/report-progress/report-progress.handler.js';
import { SetHistorySettingsHandler } from './application/commands/set-history-settings/set-history-settings.handler.js';
import { SetVideoLikeHandler } from './application/commands/set-like/set-like.handler.js';
import { SetPlaylistItemHandler } from './application/commands/set-playlist-item/set-playlist-item.handler.js';
import { SetVideoRatingHandler } from './application/commands/set-rating/set-rating.handler.js';
import { Playlists } from './application/playlists/playlist-views.js';
import { GetHistorySettingsHandler } from './application/queries/get-history-settings/get-history-settings.handler.js';
import { GetPlaylistHandler } from './application/queries/get-playlist/get-playlist.handler.js';
import { GetVideoRatingHandler } from './application/queries/get-rating/get-rating.handler.js';
import { ListPlaylistsHandler } from './application/queries/list-playlists/list-playlists.handler.js';
import { ListWatchHistoryHandler } from './application/queries/list-watch-history/list-watch-history.handler.js';
import { RememberWatchableVideo } from './application/reactions/remember-watchable-video.js';
import { PlaylistsReadModel } from './application/read-models/playlists.read-model.js';
import { WatchHistoryReadModel } from './application/read-models/watch-history.read-model.js';
import { VideoAccess } from './application/videos/video-access.js';
import {
  VideoCompletedV1,
  VideoLikedV1,
  VideoRatedV1,
  VideoRatingWithdrawnV1,
  VideoUnlikedV1,
  WatchProgressedV1,
} from './contracts/index.js';
import { LikeRepository } from './domain/likes/like.repository.js';
import { PlaylistRepository } from './domain/playlists/playlist.repository.js';
import { RatingRepository } from './domain/ratings/rating.repository.js';
import {
  WatchEntryRepository,
  WatchHistorySettingsRepository,
} from './domain/watch-progress/watch-entry.repository.js';
import { WatchableVideoRepository } from './domain/watchable-video/watchable-video.repository.js';
import { withInteractionEvents } from './infrastructure/interaction-outbound-events.js';
import {
  INTERACTION_ENTITIES,
  INTERACTION_SQL_ONLY_TABLES,
} from './infrastructure/persistence/interactions.schemas.js';
import { MikroOrmPlaylistRepository } from './infrastructure/persistence/mikro-orm-playlist.repository.js';
import { SqlLikeRepository } from './infrastructure/persistence/sql-like.repository.js';
import { SqlRatingRepository } from './infrastructure/persistence/sql-rating.repository.js';
import {
  SqlWatchEntryRepository,
  SqlWatchHistorySettingsRepository,
} from './infrastructure/persistence/sql-watch-entry.repository.js';
import { SqlWatchableVideoRepository } from './infrastructure/persistence/sql-watchable-video.repository.js';
import { SqlPlaylistsReadModel } from './infrastructure/read-models/sql-playlists.read-model.js';
import { SqlWatchHistoryReadModel } from './infrastructure/read-models/sql-watch-history.read-model.js';
import { PlaylistsController } from './interface/http/playlists.controller.js';
import { VideoReactionsController } from './interface/http/video-reactions.controller.js';
import { WatchHistoryController } from './interface/http/watch-history.controller.js';
import { WatchProgressGateway } from './interface/socket/watch-progress.gateway.js';

/** Likes, ratings, playlists and watch history: kept apart so the module's other parts merge cleanly. */
const INTERACTIONS = {
  publishes: [VideoLikedV1, VideoUnlikedV1, VideoRatedV1, VideoRatingWithdrawnV1, WatchProgressedV1, VideoCompletedV1],
  consumers: [RememberWatchableVideo],
  controllers: [VideoReactionsController, WatchHistoryController, PlaylistsController],
  providers: [
    { provide: WatchableVideoRepository, useClass: SqlWatchableVideoRepository },
    { provide: LikeRepository, useClass: SqlLikeRepository },
    { provide: RatingRepository, useClass: SqlRatingRepository },
    { provide: WatchEntryRepository, useClass: SqlWatchEntryRepository },
    { provide: WatchHistorySettingsRepository, useClass: SqlWatchHistorySettingsRepository },
    { provide: PlaylistRepository, useClass: MikroOrmPlaylistRepository },
    { provide: WatchHistoryReadModel, useClass: SqlWatchHistoryReadModel },
    { provide: PlaylistsReadModel, useClass: SqlPlaylistsReadModel },
    VideoAccess,
    Playlists,
    RememberWatchableVideo,
    SetVideoLikeHandler,
    SetVideoRatingHandler,
    GetVideoRatingHandler,
    ReportProgressHandler,
    DeleteHistoryEntryHandler,
    ClearHistoryHandler,
    SetHistorySettingsHandler,
    GetHistorySettingsHandler,
    ListWatchHistoryHandler,
    WatchProgressGateway,
    CreatePlaylistHandler,
    ChangePlaylistHandler,
    DeletePlaylistHandler,
    SetPlaylistItemHandler,
    ReorderPlaylistHandler,
    ListPlaylistsHandler,
    GetPlaylistHandler,
  ],
};

// --- comments, mentions and hashtags (wired in one block below) ---
import { CommentAnnouncer } from './application/comments/comment-announcer.js';
import { ChannelTeam } from './application/comments/channel-team.js';
import { CommentableVideos } from './application/comments/commentable-videos.js';
import { CommenterStandings } from './application/comments/commenter-standings.js';
import { CommentsReadModel } from './application/comments/comments.read-model.js';
import { ApproveCommentHandler } from './application/comments/commands/approve-comment/approve-comment.handler.js';
import { DeleteCommentHandler } from './application/comments/commands/delete-comment/delete-comment.handler.js';
import { EditCommentHandler } from './application/comments/commands/edit-comment/edit-comment.handler.js';
import { PinCommentHandler } from './application/comments/commands/pin-comment/pin-comment.handler.js';
import { PostCommentHandler } from './application/comments/commands/post-comment/post-comment.handler.js';
import { SetCommentSettingsHandler } from './application/comments/commands/set-comment-settings/set-comment-settings.handler.js';
import { ListCommentEditsHandler } from './application/comments/queries/list-comment-edits/list-comment-edits.handler.js';
import { ListCommentRepliesHandler } from './application/comments/queries/list-comment-replies/list-comment-replies.handler.js';
import { ListVideoCommentsHandler } from './application/comments/queries/list-video-comments/list-video-comments.handler.js';
import { ModerateCommentsOnContentActioned } from './application/comments/reactions/moderate-comments-on-content-actioned.js';
import { TrackVideosOnStudioEvents } from './application/comments/reactions/track-videos-on-studio-events.js';
import { VideoComments } from './application/comments/video-comments.js';
import { ListHashtagCommentsHandler } from './application/hashtags/queries/list-hashtag-comments/list-hashtag-comments.handler.js';
import { MentionDirectory } from './application/mentions/mention-directory.js';
import { CommentDeletedV1, CommentPostedV1 } from './contracts/index.js';
import { CommentRepository } from './domain/comments/comment.repository.js';
import { CommentSettingsRepository } from './domain/comments/comment-settings.repository.js';
import { COMMENT_ENTITIES, COMMENT_SQL_ONLY_TABLES } from './infrastructure/comments/comment.schemas.js';
import { commentOutboundEvents } from './infrastructure/comments/comment-outbound-events.js';
import { MikroOrmCommentRepository } from './infrastructure/comments/mikro-orm-comment.repository.js';
import { SqlCommentSettingsRepository } from './infrastructure/comments/sql-comment-settings.repository.js';
import { SqlCommentableVideos } from './infrastructure/comments/sql-commentable-videos.js';
import { SqlCommentsReadModel } from './infrastructure/comments/sql-comments.read-model.js';
import { SqlMentionDirectory } from './infrastructure/comments/sql-mention-directory.js';
import { TrustSafetyCommenterStandings } from './infrastructure/comments/trust-safety-commenter-standings.js';
import { CommentsController } from './interface/comments/comments.controller.js';
import { PAGES } from './pages.wiring.js';
import { CommentsGateway } from './interface/comments/comments.gateway.js';
import { ENGAGEMENT_SOCKET_EVENTS } from './interface/socket-events.js';
import { SANCTIONS } from './sanctions.providers.js';
import { RECOMMENDATIONS } from './recommendations.wiring.js';
import { RefreshNeighbours } from './application/recommendations/refresh-neighbours/refresh-neighbours.js';

/** Video comments with mentions and hashtags (libs/engagement/README.md, docs/adr/0030). */
const COMMENTS = {
  imports: [
    PersistenceModule.forFeature(COMMENT_ENTITIES, { sqlOnlyTables: COMMENT_SQL_ONLY_TABLES }),
    MessagingModule.forContext({
      publishes: [CommentPostedV1, CommentDeletedV1],
      outbound: commentOutboundEvents,
      consumers: [TrackVideosOnStudioEvents, ModerateCommentsOnContentActioned],
    }),
  ],
  controllers: [CommentsController],
  providers: [
    { provide: CommentRepository, useClass: MikroOrmCommentRepository },
    { provide: CommentSettingsRepository, useClass: SqlCommentSettingsRepository },
    { provide: CommentableVideos, useClass: SqlCommentableVideos },
    { provide: CommentsReadModel, useClass: SqlCommentsReadModel },
    { provide: MentionDirectory, useClass: SqlMentionDirectory },
    { provide: CommenterStandings, useClass: TrustSafetyCommenterStandings },
    ChannelTeam,
    VideoComments,
    CommentAnnouncer,
    CommentsGateway,
    PostCommentHandler,
    EditCommentHandler,
    DeleteCommentHandler,
    ApproveCommentHandler,
    PinCommentHandler,
    SetCommentSettingsHandler,
    ListVideoCommentsHandler,
    ListCommentRepliesHandler,
    ListCommentEditsHandler,
    ListHashtagCommentsHandler,
    TrackVideosOnStudioEvents,
    ModerateCommentsOnContentActioned,
  ],
};

// --- creator posts and the activity feed (docs/adr/0037) ---
import { FeedFanOut } from './application/feed/feed-fan-out.js';
import { FeedFanOutBatches, FeedInbox } from './application/feed/feed-inbox.js';
import { FeedReadModel } from './application/feed/feed.read-model.js';
import { GetFeedHandler } from './application/feed/queries/get-feed/get-feed.handler.js';
import { GetWhatsNewHandler } from './application/feed/queries/get-whats-new/get-whats-new.handler.js';
import { FanOutOnPublish } from './application/feed/reactions/fan-out-on-publish.js';
import { UpdateFeedOnFollow } from './application/feed/reactions/update-feed-on-follow.js';
import { DeletePostHandler } from './application/posts/commands/delete-post/delete-post.handler.js';
import { WritePostHandler } from './application/posts/commands/write-post/write-post.handler.js';
import { PostsReadModel } from './application/posts/post-views.js';
import { ListCreatorPostsHandler } from './application/posts/queries/list-creator-posts/list-creator-posts.handler.js';
import { ModeratePostsOnContentActioned } from './application/posts/reactions/moderate-posts-on-content-actioned.js';
import { PostPublishedV1, PostWithdrawnV1 } from './contracts/index.js';
import { PostRepository } from './domain/posts/post.repository.js';
import { BullFeedFanOutBatches, FEED_FAN_OUT_QUEUE } from './infrastructure/feed/bull-feed-fan-out-batches.js';
import { SqlFeedInbox } from './infrastructure/feed/sql-feed-inbox.js';
import { SqlFeedReadModel } from './infrastructure/feed/sql-feed.read-model.js';
import { MikroOrmPostRepository } from './infrastructure/posts/mikro-orm-post.repository.js';
import { FEED_ENTITIES, FEED_SQL_ONLY_TABLES } from './infrastructure/posts/post.schemas.js';
import { postOutboundEvents } from './infrastructure/posts/post-outbound-events.js';
import { SqlPostsReadModel } from './infrastructure/posts/sql-posts.read-model.js';
import { FeedController } from './interface/feed/feed.controller.js';
import { FeedJobs } from './interface/feed/feed-jobs.processor.js';

/** Creator posts and the hybrid fan-out activity feed (libs/engagement/README.md, docs/adr/0037). */
const FEED = {
  imports: [
    PersistenceModule.forFeature(FEED_ENTITIES, { sqlOnlyTables: FEED_SQL_ONLY_TABLES }),
    MessagingModule.forContext({
      publishes: [PostPublishedV1, PostWithdrawnV1],
      outbound: postOutboundEvents,
      consumers: [FanOutOnPublish, UpdateFeedOnFollow, ModeratePostsOnContentActioned],
    }),
    QueuesModule.register({ name: FEED_FAN_OUT_QUEUE }), // handled by interface/feed/feed-jobs.processor.ts
  ],
  controllers: [FeedController],
  providers: [
    { provide: PostRepository, useClass: MikroOrmPostRepository },
    { provide: PostsReadModel, useClass: SqlPostsReadModel },
    { provide: FeedInbox, useClass: SqlFeedInbox },
    { provide: FeedReadModel, useClass: SqlFeedReadModel },
    { provide: FeedFanOutBatches, useClass: BullFeedFanOutBatches },
    FeedFanOut,
    FeedJobs,
    WritePostHandler,
    DeletePostHandler,
    ListCreatorPostsHandler,
    GetFeedHandler,
    GetWhatsNewHandler,
    FanOutOnPublish,
    UpdateFeedOnFollow,
    ModeratePostsOnContentActioned,
  ],
};

// --- trending (one block, docs/adr/0038) ---
import { ListTrendingHandler } from './application/trending/queries/list-trending/list-trending.handler.js';
import { RecordTrendSignals } from './application/trending/reactions/record-trend-signals.js';
import { TrackTrendEligibility } from './application/trending/reactions/track-trend-eligibility.js';
import { TRENDING_QUEUE } from './application/trending/recompute/recompute-queue.js';
import { RecomputeTrending } from './application/trending/recompute/recompute-trending.js';
import { TrendingReadModel } from './application/trending/trending.read-model.js';
import {
  ActorTrust,
  TrendEligibility,
  TrendingCache,
  TrendingScoreStore,
  TrendSignals,
} from './application/trending/trending-ports.js';
import { VideoTrendScoresChangedV1 } from './contracts/index.js';
import { RedisTrendingCache } from './infrastructure/trending/redis-trending-cache.js';
import { SqlTrendEligibility } from './infrastructure/trending/sql-trend-eligibility.js';
import { SqlTrendSignals } from './infrastructure/trending/sql-trend-signals.js';
import { SqlTrendingScoreStore } from './infrastructure/trending/sql-trending-score-store.js';
import { SqlTrendingReadModel } from './infrastructure/trending/sql-trending.read-model.js';
import { TRENDING_ENTITIES, TRENDING_SQL_ONLY_TABLES } from './infrastructure/trending/trending.schemas.js';
import { trendingOutboundEvents } from './infrastructure/trending/trending-outbound-events.js';
import { TrustSafetyActorTrust } from './infrastructure/trending/trust-safety-actor-trust.js';
import { TrendingController } from './interface/trending/trending.controller.js';
import { TrendingJobs } from './interface/trending/trending.jobs.js';

/** Trending videos, creators and hashtags: signals, eligibility, the recompute job and the lists. */
const TRENDING = {
  imports: [
    PersistenceModule.forFeature(TRENDING_ENTITIES, { sqlOnlyTables: TRENDING_SQL_ONLY_TABLES }),
    MessagingModule.forContext({
      publishes: [VideoTrendScoresChangedV1],
      outbound: trendingOutboundEvents,
      consumers: [RecordTrendSignals, TrackTrendEligibility],
    }),
    QueuesModule.register({ name: TRENDING_QUEUE }), // handled by interface/trending/trending.jobs.ts
  ],
  controllers: [TrendingController],
  providers: [
    { provide: TrendSignals, useClass: SqlTrendSignals },
    { provide: TrendEligibility, useClass: SqlTrendEligibility },
    { provide: TrendingScoreStore, useClass: SqlTrendingScoreStore },
    { provide: TrendingReadModel, useClass: SqlTrendingReadModel },
    { provide: TrendingCache, useClass: RedisTrendingCache },
    { provide: ActorTrust, useClass: TrustSafetyActorTrust },
    RecordTrendSignals,
    TrackTrendEligibility,
    RecomputeTrending,
    ListTrendingHandler,
    TrendingJobs,
  ],
};

/**
 * The social and real-time side: follows, blocks and mutes, notifications and direct messages
 * (see libs/engagement/README.md). Global because other contexts inject its contract port
 * (`MessageVisibility`).
 */
@Global()
@DocumentSocketEvents(ENGAGEMENT_SOCKET_EVENTS)
@Module({
  imports: [
    PersistenceModule.forFeature([...ENGAGEMENT_ENTITIES, ...INTERACTION_ENTITIES], {
      sqlOnlyTables: INTERACTION_SQL_ONLY_TABLES,
    }),
    MessagingModule.forContext({
      publishes: [UserFollowedV1, UserUnfollowedV1, MessageSentV1, ...INTERACTIONS.publishes],
      outbound: withInteractionEvents(engagementOutboundEvents),
      consumers: [
        RememberPersonOnProfile,
        NotifyNewFollower,
        NotifyPaymentFailed,
        NotifyUsageThreshold,
        WelcomeNewUser,
        NotifyMessageRecipients,
        NotifyFollowersOnPublish,
        NotifySubscriptionChanges,
        NotifyExportReady,
        ...INTERACTIONS.consumers,
        ApplyModerationToMessage,
        NotifyModerationDecision,
      ],
    }),
    QueuesModule.register({ name: FAN_OUT_QUEUE }, { name: SEND_MAIL_QUEUE }), // handled by interface/jobs/engagement-jobs.processor.ts
    ...TRENDING.imports,
    ...COMMENTS.imports,
    ...SANCTIONS.imports,
    ...FEED.imports,
    ...PAGES.imports,
    ...RECOMMENDATIONS.imports,
  ],
  controllers: [
    SocialGraphController,
    NotificationsController,
    ...TRENDING.controllers,
    ConversationsController,
    ...INTERACTIONS.controllers,
    ...COMMENTS.controllers,
    ...FEED.controllers,
    ...PAGES.controllers,
    ...RECOMMENDATIONS.controllers,
  ],
  providers: [
    // ports
    { provide: PersonRepository, useClass: MikroOrmPersonRepository },
    { provide: FollowRepository, useClass: MikroOrmFollowRepository },
    { provide: RestrictionRepository, useClass: SqlRestrictionRepository },
    { provide: NotificationRepository, useClass: MikroOrmNotificationRepository },
    { provide: NotificationPreferenceRepository, useClass: MikroOrmNotificationPreferenceRepository },
    { provide: ConversationRepository, useClass: MikroOrmConversationRepository },
    { provide: MessageRepository, useClass: MikroOrmMessageRepository },
    { provide: MessageSends, useClass: SqlMessageSends },
    { provide: MessagingSettingsRepository, useClass: MikroOrmMessagingSettingsRepository },
    { provide: SocialGraphReadModel, useClass: SqlSocialGraphReadModel },
    { provide: NotificationsReadModel, useClass: SqlNotificationsReadModel },
    { provide: ConversationsReadModel, useClass: SqlConversationsReadModel },
    { provide: NotificationMails, useClass: BullNotificationMails },
    { provide: FanOutBatches, useClass: BullFanOutBatches },
    { provide: MessageVisibility, useClass: SqlMessageVisibility },
    { provide: SocialGraphView, useClass: SqlSocialGraphView },
    // follows, blocks and mutes
    People,
    SetFollowHandler,
    SetRestrictionHandler,
    ListFollowsHandler,
    ListRestrictionsHandler,
    RememberPersonOnProfile,
    // notifications
    Notifier,
    NotifyNewFollower,
    NotifyPaymentFailed,
    NotifyUsageThreshold,
    NotifySubscriptionChanges,
    NotifyExportReady,
    WelcomeNewUser,
    MarkNotificationsReadHandler,
    SetNotificationPreferencesHandler,
    ListNotificationsHandler,
    GetNotificationPreferencesHandler,
    // direct messages
    ConversationMembers,
    MessagingPolicy,
    TypingIndicators,
    DirectConversations,
    MessagingGateway,
    SendMessageHandler,
    EditMessageHandler,
    DeleteMessageHandler,
    MarkConversationReadHandler,
    OpenDirectConversationHandler,
    CreateGroupHandler,
    AddGroupMembersHandler,
    RemoveGroupMemberHandler,
    ChangeGroupHandler,
    SetMemberRoleHandler,
    AnswerMessageRequestHandler,
    SetMessagingSettingsHandler,
    ListConversationsHandler,
    GetConversationHandler,
    GetMessagingSettingsHandler,
    ListMessagesHandler,
    ListMessageEditsHandler,
    NotifyMessageRecipients,
    ApplyModerationToMessage,
    // new episodes
    NewEpisodeFanOut,
    NotifyFollowersOnPublish,
    EngagementJobs,
    ...INTERACTIONS.providers,
    NotifyModerationDecision,
    ...COMMENTS.providers,
    ...SANCTIONS.providers,
    ...FEED.providers,
    ...TRENDING.providers,
    ...PAGES.providers,
    ...RECOMMENDATIONS.providers,
  ],
  exports: [MessageVisibility, RecomputeTrending, RefreshNeighbours, SocialGraphView],
})
export class EngagementModule {}
