import Stripe from 'stripe';
import type { EventObject } from './objects/index.js';
import {
  DAY,
  newPrice,
  rejectionOf,
  startHarness,
  subscribe,
  types,
  unix,
  type Harness,
  type Subscribed,
} from './testing/index.js';

const JAN_1 = unix('2026-01-01T00:00:00Z');
const JAN_11 = unix('2026-01-11T00:00:00Z');
const FEB_1 = unix('2026-02-01T00:00:00Z');
const MAR_1 = unix('2026-03-01T00:00:00Z');

describe('subscription lifecycle through the real Stripe SDK', () => {
  let h: Harness;
  let seen: EventObject[];
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
  });
  afterEach(() => h.close());

  /** Subscribes, then starts collecting the events of what the test does next. */
  async function subscribed(options: Parameters<typeof subscribe>[1] = {}): Promise<Subscribed> {
    const result = await subscribe(h, options);
    seen = [];
    h.emulator.onEvents((events) => {
      seen.push(...events);
    });
    return result;
  }

  async function latestInvoice(subscriptionId: string): Promise<Stripe.Invoice> {
    const subscription = await h.stripe.subscriptions.retrieve(subscriptionId);
    return h.stripe.invoices.retrieve(subscription.latest_invoice as string);
  }

  describe('changing the price', () => {
    it('upgrades with always_invoice: credit for unused time, charge for the rest, invoiced and paid now; the preview says the same', async () => {
      const { subscription, product, price: oldPrice, customer } = await subscribed({ unitAmount: 1000 });
      const newPriceObject = await newPrice(h, product.id, 3000);
      const item = subscription.items.data[0];
      seen.length = 0;
      h.setNow('2026-01-11T00:00:00Z'); // 10 of 31 days used: 21/31 of the period is left
      const change = {
        items: [{ id: item.id, price: newPriceObject.id }],
        proration_behavior: 'always_invoice' as const,
        proration_date: JAN_11,
      };

      const preview = await h.stripe.invoices.createPreview({
        customer: customer.id,
        subscription: subscription.id,
        subscription_details: change,
      });
      const expectedCredit = -Math.round((1000 * 21) / 31); // -677
      const expectedCharge = Math.round((3000 * 21) / 31); // 2032
      expect(preview.id).toMatch(/^upcoming_in_/);
      expect(preview).toMatchObject({
        amount_due: expectedCredit + expectedCharge,
        total: 1355,
        subtotal: 1355,
        currency: 'usd',
      });
      expect(
        preview.lines.data.map((line) => [
          line.amount,
          line.description,
          line.parent?.subscription_item_details?.proration,
          line.period,
        ]),
      ).toEqual([
        [-677, 'Unused time on Gold after 11 Jan 2026', true, { start: JAN_11, end: FEB_1 }],
        [2032, 'Remaining time on Gold after 11 Jan 2026', true, { start: JAN_11, end: FEB_1 }],
      ]);
      expect(seen).toEqual([]); // a preview changes nothing
      expect((await h.stripe.subscriptions.retrieve(subscription.id)).items.data[0].price.id).toBe(oldPrice.id);

      const updated = await h.stripe.subscriptions.update(subscription.id, change);
      expect(types(seen)).toEqual([
        'customer.subscription.updated',
        'invoice.created',
        'invoice.finalized',
        'invoice.paid',
        'invoice.payment_succeeded',
      ]);
      const previous = seen[0].data.previous_attributes as {
        items: Stripe.ApiList<Stripe.SubscriptionItem>;
        latest_invoice: string;
      };
      expect(previous.items.data[0].price.id).toBe(oldPrice.id);
      expect(previous.latest_invoice).toBe(subscription.latest_invoice);
      expect(updated.items.data[0]).toMatchObject({
        id: item.id,
        price: { id: newPriceObject.id },
        current_period_start: JAN_1,
        current_period_end: FEB_1,
      });

      const invoice = await h.stripe.invoices.retrieve(updated.latest_invoice as string);
      expect(invoice).toMatchObject({
        billing_reason: 'subscription_update',
        status: 'paid',
        amount_due: preview.amount_due,
        amount_paid: 1355,
      });
      expect(invoice.lines.data.map((line) => line.amount)).toEqual([-677, 2032]);
      expect(invoice.parent?.subscription_details).toMatchObject({
        subscription: subscription.id,
        subscription_proration_date: JAN_11,
      });
      const [payment] = (await h.stripe.invoicePayments.list({ invoice: invoice.id })).data;
      expect(payment).toMatchObject({ amount_paid: 1355, status: 'paid' });
    });

    it('switches month → year by restarting the period now: credit for the unused month plus a whole year', async () => {
      const { subscription, product, customer } = await subscribed({ unitAmount: 1000 });
      const yearly = await newPrice(h, product.id, 10000, 'year');
      h.setNow('2026-01-11T00:00:00Z');
      const change = {
        items: [{ id: subscription.items.data[0].id, price: yearly.id }],
        proration_behavior: 'create_prorations' as const,
        proration_date: JAN_11,
      };

      const preview = await h.stripe.invoices.createPreview({
        customer: customer.id,
        subscription: subscription.id,
        subscription_details: change,
      });
      const updated = await h.stripe.subscriptions.update(subscription.id, change);
      const invoice = await h.stripe.invoices.retrieve(updated.latest_invoice as string);
      expect(invoice.lines.data.map((line) => [line.amount, line.description])).toEqual([
        [-677, 'Unused time on Gold after 11 Jan 2026'],
        [10000, '1 × Gold (at $100.00 / year)'],
      ]);
      expect(invoice).toMatchObject({ amount_due: 9323, status: 'paid', billing_reason: 'subscription_update' });
      expect(preview.amount_due).toBe(invoice.amount_due);
      expect(updated.billing_cycle_anchor).toBe(JAN_11);
      expect(updated.items.data[0]).toMatchObject({
        current_period_start: JAN_11,
        current_period_end: unix('2027-01-11T00:00:00Z'),
      });
    });

    it('keeps create_prorations for the next renewal, which the preview of the upcoming invoice matches', async () => {
      const { subscription, product, customer } = await subscribed({ unitAmount: 1000 });
      const gold3000 = await newPrice(h, product.id, 3000);
      seen.length = 0;
      h.setNow('2026-01-11T00:00:00Z');
      const updated = await h.stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0].id, price: gold3000.id }],
        proration_behavior: 'create_prorations',
      });
      expect(types(seen)).toEqual(['customer.subscription.updated']);
      expect(updated.latest_invoice).toBe(subscription.latest_invoice);

      const upcoming = await h.stripe.invoices.createPreview({ customer: customer.id, subscription: subscription.id });
      expect(upcoming.lines.data.map((line) => line.amount)).toEqual([-677, 2032, 3000]);
      expect(upcoming.amount_due).toBe(4355);

      h.setNow('2026-02-01T00:00:00Z');
      seen.length = 0;
      await h.emulator.renew(subscription.id);
      const invoice = await latestInvoice(subscription.id);
      expect(invoice).toMatchObject({
        billing_reason: 'subscription_cycle',
        amount_due: upcoming.amount_due,
        status: 'paid',
      });
      expect(invoice.lines.data.map((line) => [line.amount, line.period])).toEqual([
        [-677, { start: JAN_11, end: FEB_1 }],
        [2032, { start: JAN_11, end: FEB_1 }],
        [3000, { start: FEB_1, end: MAR_1 }],
      ]);
      // Like Stripe, a cycle invoice's own period is the one that just ended; its lines carry the service periods.
      expect([invoice.period_start, invoice.period_end]).toEqual([JAN_1, FEB_1]);
      expect(types(seen)).toEqual([
        'invoice.created',
        'invoice.finalized',
        'invoice.paid',
        'invoice.payment_succeeded',
        'customer.subscription.updated',
      ]);
      const previousItems = (seen[4].data.previous_attributes as { items: Stripe.ApiList<Stripe.SubscriptionItem> })
        .items;
      expect(previousItems.data[0]).toMatchObject({ current_period_start: JAN_1, current_period_end: FEB_1 });
      expect((seen[4].data.object as unknown as Stripe.Subscription).items.data[0]).toMatchObject({
        current_period_start: FEB_1,
        current_period_end: MAR_1,
      });
    });

    it('leaves the credit of a downgrade on the customer balance and spends it on the next invoices', async () => {
      const { subscription, product, customer } = await subscribed({ unitAmount: 3000 });
      const cheaper = await newPrice(h, product.id, 1000);
      h.setNow('2026-01-11T00:00:00Z');
      const updated = await h.stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0].id, price: cheaper.id }],
        proration_behavior: 'always_invoice',
      });
      const credit = await h.stripe.invoices.retrieve(updated.latest_invoice as string);
      expect(credit).toMatchObject({ total: -1355, amount_due: 0, status: 'paid', ending_balance: -1355 });
      expect((await h.stripe.invoicePayments.list({ invoice: credit.id })).data).toEqual([]);
      expect((await h.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: -1355 });

      h.setNow('2026-02-01T00:00:00Z');
      await h.emulator.renew(subscription.id);
      expect(await latestInvoice(subscription.id)).toMatchObject({
        total: 1000,
        starting_balance: -1355,
        amount_due: 0,
        ending_balance: -355,
      });
      h.setNow('2026-03-01T00:00:00Z');
      await h.emulator.renew(subscription.id);
      expect(await latestInvoice(subscription.id)).toMatchObject({
        total: 1000,
        starting_balance: -355,
        amount_due: 645,
        amount_paid: 645,
      });
    });

    it('rejects the whole change when the card declines under error_if_incomplete', async () => {
      const { subscription, product, customer, price } = await subscribed({ unitAmount: 1000 });
      const gold3000 = await newPrice(h, product.id, 3000);
      await h.emulator.setPaymentOutcome(customer.id, 'decline');
      seen.length = 0;
      const error = await rejectionOf(
        h.stripe.subscriptions.update(subscription.id, {
          items: [{ id: subscription.items.data[0].id, price: gold3000.id }],
          proration_behavior: 'always_invoice',
          payment_behavior: 'error_if_incomplete',
        }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error).toMatchObject({ statusCode: 402, code: 'card_declined' });
      expect(seen).toEqual([]);
      expect((await h.stripe.subscriptions.retrieve(subscription.id)).items.data[0].price.id).toBe(price.id);
      expect((await h.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(1);
    });
  });

  describe('renewals and dunning', () => {
    it('goes past_due when the renewal payment fails, and active again when a retry pays', async () => {
      const { subscription, customer } = await subscribed({ unitAmount: 1000 });
      await h.emulator.setPaymentOutcome(customer.id, 'decline');
      h.setNow('2026-02-01T00:00:00Z');
      const renewed = await h.emulator.renew(subscription.id);
      expect(types(renewed.events)).toEqual([
        'invoice.created',
        'invoice.finalized',
        'invoice.payment_failed',
        'customer.subscription.updated',
      ]);
      expect(renewed.events[3].data.previous_attributes).toMatchObject({ status: 'active' });

      const pastDue = await h.stripe.subscriptions.retrieve(subscription.id);
      expect(pastDue.status).toBe('past_due');
      expect(pastDue.items.data[0]).toMatchObject({ current_period_start: FEB_1, current_period_end: MAR_1 });
      const invoice = await h.stripe.invoices.retrieve(pastDue.latest_invoice as string);
      expect(invoice).toMatchObject({
        status: 'open',
        attempt_count: 1,
        attempted: true,
        next_payment_attempt: FEB_1 + 3 * DAY,
        amount_remaining: 1000,
        amount_paid: 0,
      });
      const [openPayment] = (await h.stripe.invoicePayments.list({ invoice: invoice.id })).data;
      expect(openPayment.status).toBe('open');
      const intentId = openPayment.payment.payment_intent as string;
      const declined = await h.stripe.paymentIntents.retrieve(intentId);
      expect(declined).toMatchObject({
        status: 'requires_payment_method',
        last_payment_error: { code: 'card_declined' },
      });
      expect(await h.stripe.charges.retrieve(declined.latest_charge as string)).toMatchObject({
        status: 'failed',
        paid: false,
        failure_code: 'card_declined',
      });

      h.setNow('2026-02-04T00:00:00Z');
      const failedAgain = await h.emulator.retryInvoicePayment(invoice.id);
      expect(types(failedAgain.events)).toEqual(['invoice.payment_failed']);
      expect(failedAgain.result).toMatchObject({
        attempt_count: 2,
        next_payment_attempt: unix('2026-02-07T00:00:00Z'),
      });

      await h.emulator.setPaymentOutcome(customer.id, 'succeed');
      h.setNow('2026-02-07T00:00:00Z');
      const paid = await h.emulator.retryInvoicePayment(invoice.id);
      expect(types(paid.events)).toEqual([
        'invoice.paid',
        'invoice.payment_succeeded',
        'customer.subscription.updated',
      ]);
      expect(paid.events[2].data.previous_attributes).toEqual({ status: 'past_due' });
      expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
      expect(await h.stripe.invoices.retrieve(invoice.id)).toMatchObject({
        status: 'paid',
        attempt_count: 3,
        amount_paid: 1000,
        next_payment_attempt: null,
      });
      const payments = (await h.stripe.invoicePayments.list({ invoice: invoice.id })).data;
      expect(payments).toHaveLength(1);
      expect(payments[0]).toMatchObject({
        status: 'paid',
        amount_paid: 1000,
        payment: { type: 'payment_intent', payment_intent: intentId },
      });
      expect(await h.stripe.paymentIntents.retrieve(intentId)).toMatchObject({
        status: 'succeeded',
        amount_received: 1000,
      });
    });

    it('marks an exhausted past_due subscription unpaid; unpaid renewals stay draft', async () => {
      const { subscription, customer } = await subscribed();
      await expect(h.emulator.markUnpaid(subscription.id)).rejects.toThrow(/past_due/);
      await h.emulator.setPaymentOutcome(customer.id, 'decline');
      h.setNow('2026-02-01T00:00:00Z');
      await h.emulator.renew(subscription.id);
      const unpaid = await h.emulator.markUnpaid(subscription.id);
      expect(types(unpaid.events)).toEqual(['customer.subscription.updated']);
      expect(unpaid.result.status).toBe('unpaid');

      h.setNow('2026-03-01T00:00:00Z');
      const renewed = await h.emulator.renew(subscription.id);
      expect(types(renewed.events)).toEqual(['invoice.created', 'customer.subscription.updated']);
      expect(renewed.result.status).toBe('unpaid');
      expect(await latestInvoice(subscription.id)).toMatchObject({ status: 'draft', attempt_count: 0, number: null });
    });

    it('ends the subscription at the period end when cancel_at_period_end is set, instead of renewing', async () => {
      const { subscription } = await subscribed();
      h.setNow('2026-01-05T00:00:00Z');
      const scheduled = await h.stripe.subscriptions.update(subscription.id, {
        cancel_at_period_end: true,
        cancellation_details: { feedback: 'too_expensive', comment: 'Maybe later' },
      });
      expect(scheduled).toMatchObject({
        status: 'active',
        cancel_at_period_end: true,
        cancel_at: FEB_1,
        canceled_at: unix('2026-01-05T00:00:00Z'),
        cancellation_details: { reason: 'cancellation_requested', feedback: 'too_expensive', comment: 'Maybe later' },
      });
      expect(seen[0].data.previous_attributes).toMatchObject({
        cancel_at_period_end: false,
        cancel_at: null,
        canceled_at: null,
      });

      h.setNow('2026-02-01T00:00:00Z');
      const ended = await h.emulator.renew(subscription.id);
      expect(types(ended.events)).toEqual(['customer.subscription.deleted']);
      expect(ended.result).toMatchObject({
        status: 'canceled',
        ended_at: FEB_1,
        canceled_at: unix('2026-01-05T00:00:00Z'),
      });
      expect((await h.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(1);
      await expect(h.emulator.renew(subscription.id)).rejects.toThrow(/canceled/);
    });

    it('undoes a scheduled cancellation when cancel_at_period_end goes back to false', async () => {
      const { subscription } = await subscribed();
      await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
      const kept = await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false });
      expect(kept).toMatchObject({
        cancel_at_period_end: false,
        cancel_at: null,
        canceled_at: null,
        cancellation_details: { reason: null },
      });
      h.setNow('2026-02-01T00:00:00Z');
      expect((await h.emulator.renew(subscription.id)).result.status).toBe('active');
    });

    it('ends a trial on demand with a paid subscription_update invoice, and naturally at renewal with a cycle invoice', async () => {
      const early = await subscribed({ unitAmount: 1000, trialDays: 14 });
      h.setNow('2026-01-05T00:00:00Z');
      const ended = await h.emulator.endTrial(early.subscription.id);
      expect(types(ended.events)).toEqual([
        'customer.subscription.updated',
        'invoice.created',
        'invoice.finalized',
        'invoice.paid',
        'invoice.payment_succeeded',
      ]);
      const jan5 = unix('2026-01-05T00:00:00Z');
      expect(ended.result).toMatchObject({ status: 'active', trial_end: jan5, billing_cycle_anchor: jan5 });
      expect(ended.result.items.data[0]).toMatchObject({
        current_period_start: jan5,
        current_period_end: unix('2026-02-05T00:00:00Z'),
      });
      expect(await latestInvoice(early.subscription.id)).toMatchObject({
        billing_reason: 'subscription_update',
        amount_paid: 1000,
        status: 'paid',
      });

      h.setNow('2026-01-01T00:00:00Z');
      const natural = await subscribe(h, { unitAmount: 1000, trialDays: 14 });
      h.setNow('2026-01-15T00:00:00Z');
      const renewed = await h.emulator.renew(natural.subscription.id);
      expect(renewed.result).toMatchObject({ status: 'active', trial_end: unix('2026-01-15T00:00:00Z') });
      expect(renewed.result.items.data[0]).toMatchObject({
        current_period_start: unix('2026-01-15T00:00:00Z'),
        current_period_end: unix('2026-02-15T00:00:00Z'),
      });
      expect(await latestInvoice(natural.subscription.id)).toMatchObject({
        billing_reason: 'subscription_cycle',
        amount_paid: 1000,
      });
    });
  });

  describe('cancel, pause and resume', () => {
    it('cancels immediately with DELETE and refuses to cancel twice', async () => {
      const { subscription, customer } = await subscribed();
      h.setNow('2026-01-20T00:00:00Z');
      const canceled = await h.stripe.subscriptions.cancel(subscription.id, {
        cancellation_details: { comment: 'bye', feedback: 'unused' },
      });
      const jan20 = unix('2026-01-20T00:00:00Z');
      expect(canceled).toMatchObject({
        status: 'canceled',
        canceled_at: jan20,
        ended_at: jan20,
        cancellation_details: { comment: 'bye', feedback: 'unused', reason: 'cancellation_requested' },
      });
      expect(types(seen)).toEqual(['customer.subscription.deleted']);
      const again = await rejectionOf(h.stripe.subscriptions.cancel(subscription.id));
      expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(again.statusCode).toBe(400);

      expect((await h.stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
      expect(
        (await h.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data.map((s) => s.id),
      ).toEqual([subscription.id]);
      const frozen = await rejectionOf(h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }));
      expect(frozen).toMatchObject({ statusCode: 400, code: 'invalid_canceled_subscription_fields' });
      expect(
        (await h.stripe.subscriptions.update(subscription.id, { metadata: { note: 'gone' } })).metadata,
      ).toMatchObject({ note: 'gone' });
    });

    it('pauses an active subscription and resumes it with a new period starting now, invoiced', async () => {
      const { subscription } = await subscribed({ unitAmount: 1000 });
      h.setNow('2026-01-10T00:00:00Z');
      const paused = await h.stripe.subscriptions.pause(subscription.id, {});
      expect(paused).toMatchObject({
        status: 'paused',
        pause_collection: null,
        status_details: {
          paused: {
            type: 'subscription',
            subscription: { type: 'pause_requested' },
            transitioned_at: unix('2026-01-10T00:00:00Z'),
          },
        },
      });
      expect(types(seen)).toEqual(['customer.subscription.paused', 'customer.subscription.updated']);
      expect(seen[0].data.previous_attributes).toMatchObject({ status: 'active' });
      expect(await rejectionOf(h.stripe.subscriptions.pause(subscription.id, {}))).toMatchObject({ statusCode: 400 });
      await expect(h.emulator.renew(subscription.id)).rejects.toThrow(/paused/);

      seen.length = 0;
      h.setNow('2026-03-15T00:00:00Z');
      const resumed = await h.stripe.subscriptions.resume(subscription.id, { billing_cycle_anchor: { type: 'now' } });
      const mar15 = unix('2026-03-15T00:00:00Z');
      expect(resumed.status).toBe('active');
      expect(resumed.status_details).toBeUndefined();
      expect(resumed).toMatchObject({ billing_cycle_anchor: mar15 });
      expect(resumed.items.data[0]).toMatchObject({
        current_period_start: mar15,
        current_period_end: unix('2026-04-15T00:00:00Z'),
      });
      expect(types(seen)).toEqual([
        'customer.subscription.resumed',
        'customer.subscription.updated',
        'invoice.created',
        'invoice.finalized',
        'invoice.paid',
        'invoice.payment_succeeded',
      ]);
      expect(await latestInvoice(subscription.id)).toMatchObject({ amount_paid: 1000, status: 'paid' });
      expect(await rejectionOf(h.stripe.subscriptions.resume(subscription.id, {}))).toMatchObject({ statusCode: 400 });
    });

    it('resumes into past_due when the resume invoice is declined', async () => {
      const { subscription, customer } = await subscribed();
      await h.stripe.subscriptions.pause(subscription.id, {});
      await h.emulator.setPaymentOutcome(customer.id, 'decline');
      const resumed = await h.stripe.subscriptions.resume(subscription.id, {});
      expect(resumed.status).toBe('past_due');
      expect(types(seen).slice(-2)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);
    });
    it('pauses payment collection on a trial: the trial still ends, its invoice is voided, nothing is charged; resuming collects again', async () => {
      const { subscription } = await subscribed({ unitAmount: 1000, trialDays: 14 });
      const paused = await h.stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: 'void' } });
      expect(paused).toMatchObject({ status: 'trialing', pause_collection: { behavior: 'void', resumes_at: null } });
      seen.length = 0;
      h.setNow('2026-01-15T00:00:00Z');
      const renewed = await h.emulator.renew(subscription.id);
      expect(renewed.result.status).toBe('active');
      expect(types(seen)).not.toContain('charge.succeeded');
      expect(await latestInvoice(subscription.id)).toMatchObject({
        status: 'void',
        amount_paid: 0,
        amount_remaining: 0,
      });

      await h.stripe.subscriptions.update(subscription.id, { pause_collection: '' });
      h.setNow('2026-02-15T00:00:00Z');
      await h.emulator.renew(subscription.id);
      expect(await latestInvoice(subscription.id)).toMatchObject({ status: 'paid', amount_paid: 1000 });
      expect(
        await rejectionOf(
          h.stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: 'keep_as_draft' } }),
        ),
      ).toMatchObject({ statusCode: 400 });
    });

    it('stops the retries of a past-due invoice while auto_advance is off, and keeps its debt', async () => {
      const { subscription, customer } = await subscribed({ unitAmount: 1000 });
      await h.emulator.setPaymentOutcome(customer.id, 'decline');
      h.setNow('2026-02-01T00:00:00Z');
      await h.emulator.renew(subscription.id);
      const open = await latestInvoice(subscription.id);
      const held = await h.stripe.invoices.update(open.id, { auto_advance: false });
      expect(held).toMatchObject({
        status: 'open',
        auto_advance: false,
        next_payment_attempt: null,
        amount_remaining: 1000,
      });
      await expect(h.emulator.retryInvoicePayment(open.id)).rejects.toThrow(/auto_advance/);

      await h.emulator.setPaymentOutcome(customer.id, 'succeed');
      const back = await h.stripe.invoices.update(open.id, { auto_advance: true });
      expect(back.next_payment_attempt).not.toBeNull();
      await h.emulator.retryInvoicePayment(open.id);
      expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
      expect(await rejectionOf(h.stripe.invoices.update(open.id, { auto_advance: false }))).toMatchObject({
        statusCode: 400,
      });
    });
  });
});
