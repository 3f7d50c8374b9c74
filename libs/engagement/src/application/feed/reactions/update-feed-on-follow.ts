import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserFollowedV1, UserUnfollowedV1 } from '../../../contracts/index.js';
import { FeedInbox } from '../feed-inbox.js';

/**
 * A follow copies the creator's recent items into the follower's inbox (merged-on-read creators need
 * nothing); an unfollow (also the one a block causes) takes them out again.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.update-feed-on-follow', on: [UserFollowedV1, UserUnfollowedV1] })
export class UpdateFeedOnFollow implements EventConsumer<UserFollowedV1 | UserUnfollowedV1> {
  constructor(
    private readonly inbox: FeedInbox,
    private readonly config: AppConfig,
  ) {}

  async handle({ event }: ConsumerContext<UserFollowedV1 | UserUnfollowedV1>): Promise<void> {
    if (!('followedAt' in event)) {
      await this.inbox.removeAuthor(event.followerId, event.followeeId);
      return;
    }
    const { bigCreatorFollowers, backfillItems, inboxCap } = this.config.feed;
    if (await this.inbox.mergedOnRead(event.followeeId, bigCreatorFollowers)) return;
    await this.inbox.backfill(event.followerId, event.followeeId, backfillItems);
    await this.inbox.trim([event.followerId], inboxCap);
  }
}
