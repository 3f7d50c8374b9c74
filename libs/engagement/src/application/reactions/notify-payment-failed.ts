import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { PaymentFailedV1 } from '@lib/billing/contracts';
import { Notifier } from '../notifier.js';

/** Dunning: the payer hears that a payment failed, until when access lasts, and where to pay. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-payment-failed', on: [PaymentFailedV1] })
export class NotifyPaymentFailed implements EventConsumer<PaymentFailedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope }: ConsumerContext<PaymentFailedV1>): Promise<void> {
    const amount = new Intl.NumberFormat('en', { style: 'currency', currency: event.currency.toUpperCase() }).format(
      event.amountDue / 100,
    );
    const until = event.accessUntil ? ` Your plan stays active until ${event.accessUntil.slice(0, 10)}.` : '';
    await this.notifier.notify({
      occurrence: envelope.id,
      userId: event.userId,
      type: 'billing.payment-failed',
      subjectId: event.invoiceId,
      data: {
        amountDue: event.amountDue,
        currency: event.currency,
        attempt: event.attempt,
        accessUntil: event.accessUntil,
        payUrl: event.payUrl,
      },
      email: {
        subject: 'Your payment did not go through',
        text: `We could not collect ${amount} (attempt ${event.attempt}).${until}${event.payUrl ? `\n\nUpdate your payment: ${event.payUrl}` : ''}`,
      },
    });
  }
}
