import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserProfileChangedV1, UserRegisteredV1 } from '@lib/identity/contracts';
import { Person } from '../../domain/person/person.js';
import { PersonRepository } from '../../domain/person/person.repository.js';

/** Keeps engagement's copy of who exists and how to show them (handle, name, avatar). */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.remember-person', on: [UserRegisteredV1, UserProfileChangedV1] })
export class RememberPersonOnProfile implements EventConsumer<UserRegisteredV1 | UserProfileChangedV1> {
  constructor(private readonly people: PersonRepository) {}

  async handle({ event }: ConsumerContext<UserRegisteredV1 | UserProfileChangedV1>): Promise<void> {
    const known = await this.people.find(event.userId);
    if (!known) {
      const avatarUrl = event instanceof UserProfileChangedV1 ? event.avatarUrl : null;
      this.people.add(
        new Person(
          event.userId,
          event.handle,
          event.displayName,
          avatarUrl,
          event instanceof UserRegisteredV1 ? event.email : null,
        ),
      );
      return;
    }
    known.handle = event.handle;
    known.displayName = event.displayName;
    if (event instanceof UserProfileChangedV1) known.avatarUrl = event.avatarUrl;
    if (event instanceof UserRegisteredV1) known.email = event.email;
  }
}
