import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserProfileChangedV1, UserRegisteredV1 } from '@lib/identity/contracts';
import { ChannelRepository } from '../../domain/channel/channel.repository.js';
import { StudioPerson } from '../../domain/people/person.js';
import { PersonRepository } from '../../domain/people/person.repository.js';

/**
 * Keeps studio's copy of who exists (handle, name, e-mail), so invitations can name people; a new
 * account also receives the invitations that were waiting for its address. Both in the inbox's
 * transaction (repositories join it), so a redelivered event changes nothing twice.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'studio.remember-person', on: [UserRegisteredV1, UserProfileChangedV1] })
export class RememberPerson implements EventConsumer<UserRegisteredV1 | UserProfileChangedV1> {
  constructor(
    private readonly people: PersonRepository,
    private readonly channels: ChannelRepository,
  ) {}

  async handle({ event }: ConsumerContext<UserRegisteredV1 | UserProfileChangedV1>): Promise<void> {
    const email = event instanceof UserRegisteredV1 ? event.email.trim().toLowerCase() : null;
    // Taken before the person becomes visible, so an invitation being sent to this address right now either sees the account or is claimed below.
    if (email) await this.people.lockEmail(email);
    const known = await this.people.byId(event.userId);
    if (!known) this.people.add(new StudioPerson(event.userId, event.handle, event.displayName, email));
    else {
      known.handle = event.handle;
      known.displayName = event.displayName;
      if (email) known.email = email;
    }
    if (email)
      for (const channel of await this.channels.withEmailInvitationFor(email))
        channel.claimEmailInvitation(email, event.userId);
  }
}
