import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserRegisteredV1 } from '@lib/identity/contracts';
import { Notifier } from '../notifier.js';

/** A first hello in the app (and by e-mail, unless the user turns it off). */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.welcome', on: [UserRegisteredV1] })
export class WelcomeNewUser implements EventConsumer<UserRegisteredV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope }: ConsumerContext<UserRegisteredV1>): Promise<void> {
    await this.notifier.notify({
      occurrence: envelope.id,
      userId: event.userId,
      type: 'account.welcome',
      data: { displayName: event.displayName },
      // The welcome may be consumed before engagement.remember-person has stored the address.
      recipientEmail: event.email,
      email: {
        subject: 'Welcome to Showrunner',
        text: `Hi ${event.displayName}, welcome aboard. Follow creators you like to hear when they publish.`,
      },
    });
  }
}
