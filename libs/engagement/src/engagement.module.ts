import { Module } from '@nestjs/common';
import { DeleteMessageHandler, EditMessageHandler } from './application/commands/change-message/change-message.handlers.js';
import { AddGroupMembersHandler, ChangeGroupHandler, RemoveGroupMemberHandler, SetMemberRoleHandler } from './application/commands/manage-group/manage-group.handlers.js';
import { MarkConversationReadHandler } from './application/commands/mark-read/mark-read.handler.js';
import { AnswerMessageRequestHandler, SetMessagingSettingsHandler } from './application/commands/message-requests/message-requests.handlers.js';
import { SendMessageHandler } from './application/commands/send-message/send-message.handler.js';
import { DirectConversations } from './application/commands/start-conversation/direct-conversations.js';
import { CreateGroupHandler, OpenDirectConversationHandler } from './application/commands/start-conversation/start-conversation.handlers.js';
import { ConversationMembers } from './application/messaging/conversation-members.js';
import { MessagingPolicy } from './application/messaging/messaging-policy.js';
import { TypingIndicators } from './application/messaging/typing-indicators.js';
import { GetConversationHandler, GetMessagingSettingsHandler, ListConversationsHandler } from './application/queries/list-conversations/list-conversations.handler.js';
import { ListMessageEditsHandler, ListMessagesHandler } from './application/queries/list-messages/list-messages.handler.js';
import { NotifyMessageRecipients } from './application/reactions/notify-on-messages.js';
import { ConversationsController } from './interface/http/conversations.controller.js';
import { MessagingGateway } from './interface/socket/messaging.gateway.js';
import { MessagingModule, PersistenceModule, QueuesModule } from '@lib/platform';
import { FAN_OUT_QUEUE, NewEpisodeFanOut } from './application/fan-out/new-episode-fan-out.js';
import { NotifyFollowersOnPublish } from './application/reactions/notify-followers-on-publish.js';
import { EngagementJobs } from './interface/jobs/engagement-jobs.processor.js';
import { MarkNotificationsReadHandler, SetNotificationPreferencesHandler } from './application/commands/notifications/notifications.handlers.js';
import { SetFollowHandler } from './application/commands/follow/follow.handler.js';
import { SetRestrictionHandler } from './application/commands/restrict/restrict.handler.js';
import { Notifier } from './application/notifier.js';
import { People } from './application/people.js';
import { GetNotificationPreferencesHandler, ListNotificationsHandler } from './application/queries/list-notifications/list-notifications.handler.js';
import { NotifyExportReady, NotifyNewFollower, NotifyPaymentFailed, NotifySubscriptionChanges, WelcomeNewUser } from './application/reactions/notify-on-events.js';
import { ListFollowsHandler } from './application/queries/list-follows/list-follows.handler.js';
import { ListRestrictionsHandler } from './application/queries/list-restrictions/list-restrictions.handler.js';
import { RememberPersonOnProfile } from './application/reactions/remember-person-on-profile.js';
import { MessageSentV1, UserFollowedV1, UserUnfollowedV1 } from './contracts/index.js';
import { FollowRepository } from './domain/social-graph/follow.js';
import { RestrictionRepository } from './domain/social-graph/restriction.js';
import { BullNotificationMails, SEND_MAIL_QUEUE } from './infrastructure/mail/bull-notification-mails.js';
import { NotificationMails } from './application/notification-mails.js';
import { engagementOutboundEvents } from './infrastructure/outbound-events.js';
import { ENGAGEMENT_ENTITIES } from './infrastructure/persistence/engagement.schemas.js';
import { MikroOrmFollowRepository, SqlRestrictionRepository } from './infrastructure/persistence/mikro-orm-social-graph.js';
import { NotificationsController } from './interface/http/notifications.controller.js';
import { SocialGraphController } from './interface/http/social-graph.controller.js';

/**
 * The social and real-time side: follows, blocks and mutes, notifications and direct messages
 * (see libs/engagement/README.md).
 */
@Module({
  imports: [
    PersistenceModule.forFeature(ENGAGEMENT_ENTITIES),
    MessagingModule.forContext({
      publishes: [UserFollowedV1, UserUnfollowedV1, MessageSentV1],
      outbound: engagementOutboundEvents,
      consumers: [RememberPersonOnProfile, NotifyNewFollower, NotifyPaymentFailed, WelcomeNewUser, NotifyMessageRecipients, NotifyFollowersOnPublish, NotifySubscriptionChanges, NotifyExportReady],
    }),
    QueuesModule.register(
      { name: FAN_OUT_QUEUE, defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, timeout: 60_000 } },
      // An SMTP server down for a while: retried for about an hour before the mail waits in the failed list.
      { name: SEND_MAIL_QUEUE, defaultJobOptions: { attempts: 12, backoff: { type: 'exponential', delay: 1_000 }, timeout: 90_000 } },
    ),
  ],
  controllers: [SocialGraphController, NotificationsController, ConversationsController],
  providers: [
    { provide: FollowRepository, useClass: MikroOrmFollowRepository },
    { provide: RestrictionRepository, useClass: SqlRestrictionRepository },
    { provide: NotificationMails, useClass: BullNotificationMails },
    People,
    SetFollowHandler,
    SetRestrictionHandler,
    ListFollowsHandler,
    ListRestrictionsHandler,
    RememberPersonOnProfile,
    Notifier,
    NotifyNewFollower,
    NotifyPaymentFailed,
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
    // new episodes
    NewEpisodeFanOut,
    NotifyFollowersOnPublish,
    EngagementJobs,
  ],
})
export class EngagementModule {}
