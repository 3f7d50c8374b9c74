import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, RealtimeEmitter, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserProfileChangedV1 } from '../../contracts/index.js';
import { PROFILE_UPDATED } from '../realtime-events.js';

/** Tells every connected device of the user that its profile changed (`profile.updated`). */
@Injectable()
@IntegrationEventConsumer({
  name: 'identity.push-profile-updated',
  on: [UserProfileChangedV1],
  concurrency: 4,
  attempts: 3,
})
export class PushProfileOnProfileChange implements EventConsumer<UserProfileChangedV1> {
  constructor(private readonly realtime: RealtimeEmitter) {}

  async handle({ event, envelope, afterCommit }: ConsumerContext<UserProfileChangedV1>): Promise<void> {
    // Pushed once the inbox row commits: a commit that fails announces nothing, and its redelivery pushes.
    afterCommit(() =>
      this.realtime.toUser(event.userId, PROFILE_UPDATED, {
        userId: event.userId,
        handle: event.handle,
        displayName: event.displayName,
        bio: event.bio,
        avatarUrl: event.avatarUrl,
        changedFields: event.changedFields,
        // Lets a client ignore an update older than what it already shows.
        version: envelope.aggregateVersion,
        eventId: envelope.id,
      }),
    );
  }
}
