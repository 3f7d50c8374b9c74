import { Module } from '@nestjs/common';
import { MessagingModule, PersistenceModule } from '@lib/platform';
import { MarkNotificationsReadHandler, SetNotificationPreferencesHandler } from './application/commands/notifications/notifications.handlers.js';
import { SetFollowHandler } from './application/commands/follow/follow.handler.js';
import { SetRestrictionHandler } from './application/commands/restrict/restrict.handler.js';
import { Notifier } from './application/notifier.js';
import { People } from './application/people.js';
import { GetNotificationPreferencesHandler, ListNotificationsHandler } from './application/queries/list-notifications/list-notifications.handler.js';
import { NotifyNewFollower, NotifyPaymentFailed, WelcomeNewUser } from './application/reactions/notify-on-events.js';
import { ListFollowsHandler } from './application/queries/list-follows/list-follows.handler.js';
import { ListRestrictionsHandler } from './application/queries/list-restrictions/list-restrictions.handler.js';
import { RememberPersonOnProfile } from './application/reactions/remember-person-on-profile.js';
import { UserFollowedV1, UserUnfollowedV1 } from './contracts/index.js';
import { FollowRepository } from './domain/social-graph/follow.js';
import { RestrictionRepository } from './domain/social-graph/restriction.js';
import { engagementOutboundEvents } from './infrastructure/outbound-events.js';
import { ENGAGEMENT_ENTITIES } from './infrastructure/persistence/engagement.schemas.js';
import { MikroOrmFollowRepository, SqlRestrictionRepository } from './infrastructure/persistence/mikro-orm-social-graph.js';
import { NotificationsController } from './interface/http/notifications.controller.js';
import { SocialGraphController } from './interface/http/social-graph.controller.js';

/**
 * The social and real-time side: follows, blocks and mutes, and notifications so far (direct
 * messages follow, see libs/engagement/README.md).
 */
@Module({
  imports: [
    PersistenceModule.forFeature(ENGAGEMENT_ENTITIES),
    MessagingModule.forContext({
      publishes: [UserFollowedV1, UserUnfollowedV1],
      outbound: engagementOutboundEvents,
      consumers: [RememberPersonOnProfile, NotifyNewFollower, NotifyPaymentFailed, WelcomeNewUser],
    }),
  ],
  controllers: [SocialGraphController, NotificationsController],
  providers: [
    { provide: FollowRepository, useClass: MikroOrmFollowRepository },
    { provide: RestrictionRepository, useClass: SqlRestrictionRepository },
    People,
    SetFollowHandler,
    SetRestrictionHandler,
    ListFollowsHandler,
    ListRestrictionsHandler,
    RememberPersonOnProfile,
    Notifier,
    NotifyNewFollower,
    NotifyPaymentFailed,
    WelcomeNewUser,
    MarkNotificationsReadHandler,
    SetNotificationPreferencesHandler,
    ListNotificationsHandler,
    GetNotificationPreferencesHandler,
  ],
})
export class EngagementModule {}
