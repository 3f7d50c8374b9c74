import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserRegisteredV1 } from '@lib/identity/contracts';
import { BillingAccount } from '../../domain/customer/customer.js';

/** Keeps the e-mail and name billing gives the payment provider when it creates a customer. */
@Injectable()
@IntegrationEventConsumer({ name: 'billing.remember-account', on: [UserRegisteredV1] })
export class RememberAccountOnUserRegistered implements EventConsumer<UserRegisteredV1> {
  async handle({ event, em }: ConsumerContext<UserRegisteredV1>): Promise<void> {
    await em.upsert(BillingAccount, new BillingAccount(event.userId, event.email, event.displayName));
  }
}
