import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserProfileChangedV1, UserRegisteredV1 } from '@lib/identity/contracts';
import { StudioPerson } from '../../domain/people/person.js';

/** Keeps studio's copy of who exists (handle, name, e-mail), so invitations can name people. */
@Injectable()
@IntegrationEventConsumer({ name: 'studio.remember-person', on: [UserRegisteredV1, UserProfileChangedV1] })
export class RememberPerson implements EventConsumer<UserRegisteredV1 | UserProfileChangedV1> {
  async handle({ event, em }: ConsumerContext<UserRegisteredV1 | UserProfileChangedV1>): Promise<void> {
    const known = await em.findOne(StudioPerson, { userId: event.userId });
    const email = event instanceof UserRegisteredV1 ? event.email.toLowerCase() : null;
    if (!known) {
      em.persist(new StudioPerson(event.userId, event.handle, event.displayName, email));
      return;
    }
    known.handle = event.handle;
    known.displayName = event.displayName;
    if (email) known.email = email;
  }
}
