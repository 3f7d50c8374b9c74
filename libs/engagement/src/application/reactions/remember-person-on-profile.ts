import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserProfileChangedV1, UserRegisteredV1 } from '@lib/identity/contracts';
import { Person } from '../../domain/social-graph/restriction.js';

/** Keeps engagement's copy of who exists and how to show them (handle, name, avatar). */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.remember-person', on: [UserRegisteredV1, UserProfileChangedV1] })
export class RememberPersonOnProfile implements EventConsumer<UserRegisteredV1 | UserProfileChangedV1> {
  async handle({ event, em }: ConsumerContext<UserRegisteredV1 | UserProfileChangedV1>): Promise<void> {
    const avatarUrl = 'avatarUrl' in event ? event.avatarUrl : null;
    await em.upsert(Person, new Person(event.userId, event.handle, event.displayName, avatarUrl ?? null));
  }
}
