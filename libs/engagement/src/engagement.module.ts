import { Module } from '@nestjs/common';
import { MessagingModule, PersistenceModule } from '@lib/platform';
import { SetFollowHandler } from './application/commands/follow/follow.handler.js';
import { SetRestrictionHandler } from './application/commands/restrict/restrict.handler.js';
import { People } from './application/people.js';
import { ListFollowsHandler } from './application/queries/list-follows/list-follows.handler.js';
import { ListRestrictionsHandler } from './application/queries/list-restrictions/list-restrictions.handler.js';
import { RememberPersonOnProfile } from './application/reactions/remember-person-on-profile.js';
import { UserFollowedV1, UserUnfollowedV1 } from './contracts/index.js';
import { FollowRepository } from './domain/social-graph/follow.js';
import { RestrictionRepository } from './domain/social-graph/restriction.js';
import { engagementOutboundEvents } from './infrastructure/outbound-events.js';
import { ENGAGEMENT_ENTITIES } from './infrastructure/persistence/engagement.schemas.js';
import { MikroOrmFollowRepository, SqlRestrictionRepository } from './infrastructure/persistence/mikro-orm-social-graph.js';
import { SocialGraphController } from './interface/http/social-graph.controller.js';

/**
 * The social and real-time side: follows, blocks and mutes so far (direct messages and
 * notifications follow, see libs/engagement/README.md).
 */
@Module({
  imports: [
    PersistenceModule.forFeature(ENGAGEMENT_ENTITIES),
    MessagingModule.forContext({
      publishes: [UserFollowedV1, UserUnfollowedV1],
      outbound: engagementOutboundEvents,
      consumers: [RememberPersonOnProfile],
    }),
  ],
  controllers: [SocialGraphController],
  providers: [
    { provide: FollowRepository, useClass: MikroOrmFollowRepository },
    { provide: RestrictionRepository, useClass: SqlRestrictionRepository },
    People,
    SetFollowHandler,
    SetRestrictionHandler,
    ListFollowsHandler,
    ListRestrictionsHandler,
    RememberPersonOnProfile,
  ],
})
export class EngagementModule {}
