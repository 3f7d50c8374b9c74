import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserFollowedV1 } from '../../contracts/index.js';
import { Notifier } from '../notifier.js';

/** "Ana and 11 others followed you": one unread group per followee. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-new-follower', on: [UserFollowedV1], concurrency: 4 })
export class NotifyNewFollower implements EventConsumer<UserFollowedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope }: ConsumerContext<UserFollowedV1>): Promise<void> {
    await this.notifier.notify({
      occurrence: envelope.id,
      userId: event.followeeId,
      type: 'follower.new',
      actorId: event.followerId,
      groupKey: 'follower.new',
      email: (name) => ({
        subject: `${name} started following you`,
        text: `${name} started following you on Showrunner.`,
      }),
    });
  }
}
