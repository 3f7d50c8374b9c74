import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { PaymentSucceededV1 } from '../../contracts/events/payment-succeeded.v1.js';
import { RevenueJournal } from '../../domain/revenue/revenue-journal.js';
import { MeteredBillingProvider } from './metered-billing-provider.js';

/**
 * When an invoice is paid, what it billed on metered (overage) prices goes to the revenue journal as
 * stream `overage`, once per invoice (source key `overage:<provider invoice>`).
 */
@Injectable()
@IntegrationEventConsumer({ name: 'billing.journal-overage', on: [PaymentSucceededV1] })
export class JournalOverage implements EventConsumer<PaymentSucceededV1> {
  constructor(
    private readonly provider: MeteredBillingProvider,
    private readonly journal: RevenueJournal,
  ) {}

  async handle({ event, em }: ConsumerContext<PaymentSucceededV1>): Promise<void> {
    if (!event.subscriptionId) return;
    const [invoice] = await em.execute<{ provider_invoice_id: string }[]>(
      `select provider_invoice_id from billing.invoices where id = ?`,
      [event.invoiceId],
    );
    if (!invoice) return;
    // Only subscriptions that ever carried a metered price can have overage lines: skip the provider call otherwise.
    const prices = await em.execute<{ provider_price_id: string }[]>(
      `select i.provider_price_id from billing.overage_items i
         join billing.subscriptions s on s.provider_subscription_id = i.provider_subscription_id
        where s.id = ?`,
      [event.subscriptionId],
    );
    if (!prices.length) return;
    const metered = new Set(prices.map((row) => row.provider_price_id));
    const lines = await this.provider.invoiceLines(invoice.provider_invoice_id);
    const amount = lines
      .filter((line) => line.priceId && metered.has(line.priceId))
      .reduce((sum, l) => sum + l.amount, 0);
    if (amount <= 0) return;
    await this.journal.record({
      id: newId(),
      stream: 'overage',
      sourceKey: `overage:${invoice.provider_invoice_id}`,
      amount,
      currency: event.currency,
      creatorId: null,
      occurredAt: new Date(event.paidAt),
    });
  }
}
