import type Stripe from 'stripe';
import { rejectionOf, startHarness, subscribe, unix, type Harness } from './testing/index.js';

describe('billing meters, meter events and metered prices through the real Stripe SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
  });
  afterEach(() => h.close());

  async function meteredSubscription() {
    const subscribed = await subscribe(h, { unitAmount: 2_999 });
    const meter = await h.stripe.billing.meters.create({
      display_name: 'Overage uploads',
      event_name: 'overage_uploads',
      default_aggregation: { formula: 'sum' },
      customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
      value_settings: { event_payload_key: 'value' },
    });
    const metered = await h.stripe.prices.create({
      product: subscribed.product.id,
      currency: 'usd',
      unit_amount: 25,
      recurring: { interval: 'month', usage_type: 'metered', meter: meter.id },
    });
    const updated = await h.stripe.subscriptions.update(subscribed.subscription.id, {
      items: [{ price: metered.id }],
      proration_behavior: 'none',
    });
    return { ...subscribed, meter, metered, updated };
  }

  it('bills what the meter summed over the period that ended, in arrears, and adding the item costs nothing now', async () => {
    const { customer, subscription, updated } = await meteredSubscription();
    expect(updated.items.data.map((item) => item.price.recurring?.usage_type)).toEqual(['licensed', 'metered']);
    expect(updated.latest_invoice).toBe(subscription.latest_invoice);

    h.setNow('2026-01-10T00:00:00Z');
    const event = { event_name: 'overage_uploads', payload: { stripe_customer_id: customer.id, value: '3' } };
    await h.stripe.billing.meterEvents.create({ ...event, identifier: 'u:3' });
    // A retried report (same identifier) counts once.
    await h.stripe.billing.meterEvents.create({ ...event, identifier: 'u:3' });
    await h.stripe.billing.meterEvents.create({
      ...event,
      payload: { ...event.payload, value: '2' },
      identifier: 'u:5',
    });
    // Usage after the period's end belongs to the next invoice.
    await h.stripe.billing.meterEvents.create({
      ...event,
      identifier: 'late',
      timestamp: unix('2026-02-05T00:00:00Z'),
    });

    const { result } = await h.emulator.renew(subscription.id);
    const invoice = await h.stripe.invoices.retrieve(result.latest_invoice as string);
    const lines = invoice.lines.data.map((line) => ({ amount: line.amount, quantity: line.quantity }));
    expect(lines).toEqual([
      { amount: 2_999, quantity: 1 },
      { amount: 125, quantity: 5 },
    ]);
    expect(invoice.amount_paid).toBe(3_124);
  });

  const linesOf = (invoice: Stripe.Invoice, priceId: string) =>
    invoice.lines.data
      .filter((line) => line.pricing?.price_details?.price === priceId)
      .map((line) => ({ amount: line.amount, quantity: line.quantity }));

  async function used(customer: string, value: string, identifier: string) {
    await h.stripe.billing.meterEvents.create({
      event_name: 'overage_uploads',
      payload: { stripe_customer_id: customer, value },
      identifier,
    });
  }

  it('bills the usage counted so far when an interval change restarts the cycle, and not again at the renewal', async () => {
    const { customer, subscription, updated, product, meter, metered } = await meteredSubscription();
    h.setNow('2026-01-10T00:00:00Z');
    await used(customer.id, '4', 'before-change');
    h.setNow('2026-01-11T00:00:00Z');

    const yearly = await h.stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 29_990,
      recurring: { interval: 'year' },
    });
    const meteredYearly = await h.stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 25,
      recurring: { interval: 'year', usage_type: 'metered', meter: meter.id },
    });
    const [licensedItem, meteredItem] = updated.items.data;
    const changed = await h.stripe.subscriptions.update(subscription.id, {
      items: [
        { id: licensedItem.id, price: yearly.id },
        { id: meteredItem.id, price: meteredYearly.id },
      ],
      proration_behavior: 'none',
    });
    const invoice = await h.stripe.invoices.retrieve(changed.latest_invoice as string);
    // The old metered price's line: four uploads counted in the cycle that ended.
    expect(linesOf(invoice, metered.id)).toEqual([{ amount: 100, quantity: 4 }]);

    // Usage after the change belongs to the new cycle only.
    h.setNow('2026-03-01T00:00:00Z');
    await used(customer.id, '2', 'after-change');
    const { result } = await h.emulator.renew(subscription.id);
    const renewal = await h.stripe.invoices.retrieve(result.latest_invoice as string);
    expect(linesOf(renewal, meteredYearly.id)).toEqual([{ amount: 50, quantity: 2 }]);
  });

  it('bills the usage counted so far on a cancellation with invoice_now', async () => {
    const { customer, subscription } = await meteredSubscription();
    h.setNow('2026-01-20T00:00:00Z');
    await used(customer.id, '3', 'until-cancel');
    h.setNow('2026-01-21T00:00:00Z');
    const canceled = await h.stripe.subscriptions.cancel(subscription.id, { invoice_now: true });
    const final = await h.stripe.invoices.retrieve(canceled.latest_invoice as string);
    expect(final.lines.data.map((line) => ({ amount: line.amount, quantity: line.quantity }))).toEqual([
      { amount: 75, quantity: 3 },
    ]);
    expect(final.amount_paid).toBe(75);
  });

  it('leaves the usage uninvoiced on a cancellation without invoice_now, as Stripe does', async () => {
    const { customer, subscription } = await meteredSubscription();
    h.setNow('2026-01-20T00:00:00Z');
    await used(customer.id, '3', 'dropped');
    h.setNow('2026-01-21T00:00:00Z');
    const canceled = await h.stripe.subscriptions.cancel(subscription.id);
    expect(canceled.latest_invoice).toBe(subscription.latest_invoice);
  });

  it('refuses a metered price without a meter, and a meter event for an unknown meter or customer', async () => {
    const product = await h.stripe.products.create({ name: 'Gold' });
    expect(
      (
        await rejectionOf(
          h.stripe.prices.create({
            product: product.id,
            currency: 'usd',
            unit_amount: 25,
            recurring: { interval: 'month', usage_type: 'metered' },
          }),
        )
      ).param,
    ).toBe('recurring[meter]');
    expect(
      (
        await rejectionOf(
          h.stripe.billing.meterEvents.create({
            event_name: 'nothing',
            payload: { stripe_customer_id: 'cus_x', value: '1' },
          }),
        )
      ).param,
    ).toBe('event_name');
    await h.stripe.billing.meters.create({
      display_name: 'm',
      event_name: 'm',
      default_aggregation: { formula: 'sum' },
    });
    const unknownCustomer = await rejectionOf(
      h.stripe.billing.meterEvents.create({ event_name: 'm', payload: { stripe_customer_id: 'cus_x' } }),
    );
    expect({ code: unknownCustomer.code, param: unknownCustomer.param }).toEqual({
      code: 'resource_missing',
      param: 'payload[stripe_customer_id]',
    });
  });
});
