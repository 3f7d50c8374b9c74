import Stripe from 'stripe';
import { rejectionOf, startHarness, subscribe, types, type Harness } from './testing/index.js';

describe('refunds and disputes through the real Stripe SDK', () => {
  let h: Harness;
  let paymentIntent: string;
  let chargeId: string;
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
    const { subscription } = await subscribe(h, { unitAmount: 1500 });
    const [payment] = (await h.stripe.invoicePayments.list({ invoice: subscription.latest_invoice as string })).data;
    paymentIntent = payment.payment.payment_intent as string;
    chargeId = (await h.stripe.paymentIntents.retrieve(paymentIntent)).latest_charge as string;
  });
  afterEach(() => h.close());

  it('refunds part of a payment, then the rest by default, and refuses more than is left', async () => {
    const partial = await h.stripe.refunds.create({
      payment_intent: paymentIntent,
      amount: 500,
      reason: 'requested_by_customer',
      metadata: { refundId: 'r-1' },
    });
    expect(partial).toMatchObject({
      object: 'refund',
      amount: 500,
      charge: chargeId,
      payment_intent: paymentIntent,
      currency: 'usd',
      status: 'succeeded',
      reason: 'requested_by_customer',
      metadata: { refundId: 'r-1' },
    });
    expect(partial.id).toMatch(/^re_/);
    const [refunded, created] = (
      await h.emulator.listEvents({ types: ['charge.refunded', 'refund.created'] })
    ).data.reverse();
    expect([refunded.type, created.type]).toEqual(['charge.refunded', 'refund.created']);
    expect(refunded.data.object).toMatchObject({ id: chargeId, amount_refunded: 500, refunded: false });
    expect(created.data.object).toMatchObject({ id: partial.id });

    const tooMuch = await rejectionOf(h.stripe.refunds.create({ payment_intent: paymentIntent, amount: 1001 }));
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
      param: 'amount',
      message: 'Refund amount ($10.01) is greater than unrefunded amount on charge ($10.00)',
    });

    const rest = await h.stripe.refunds.create({ charge: chargeId });
    expect(rest.amount).toBe(1000);
    expect(await h.stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 1500, refunded: true });
    expect(await rejectionOf(h.stripe.refunds.create({ payment_intent: paymentIntent }))).toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
    });
    expect(await h.stripe.refunds.retrieve(partial.id)).toMatchObject({ amount: 500 });
  });

  it('opens a dispute on a charge (event charge.dispute.created) and marks the charge disputed', async () => {
    const { result, events } = await h.emulator.createDispute(chargeId);
    expect(types(events)).toEqual(['charge.dispute.created']);
    expect(events[0].data.object).toEqual(result);
    expect(result).toMatchObject({
      object: 'dispute',
      amount: 1500,
      charge: chargeId,
      payment_intent: paymentIntent,
      currency: 'usd',
      reason: 'fraudulent',
      status: 'needs_response',
    });
    expect(result.id).toMatch(/^dp_/);
    expect((await h.stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    expect(await h.stripe.disputes.retrieve(result.id)).toMatchObject({ id: result.id, status: 'needs_response' });
    await expect(h.emulator.createDispute(chargeId)).rejects.toThrow(/already disputed/);
    expect(await rejectionOf(h.stripe.refunds.create({ charge: chargeId }))).toMatchObject({
      statusCode: 400,
      code: 'charge_disputed',
    });
  });

  it('closes a dispute won (closed, then funds_reinstated) or lost, once; lists disputes by payment intent or charge', async () => {
    const { result: dispute } = await h.emulator.createDispute(chargeId);
    expect((await h.stripe.disputes.list({ payment_intent: paymentIntent })).data.map((d) => d.id)).toEqual([
      dispute.id,
    ]);
    expect((await h.stripe.disputes.list({ charge: 'ch_other' })).data).toEqual([]);
    const won = await h.emulator.closeDispute(dispute.id, 'won');
    expect(types(won.events)).toEqual(['charge.dispute.closed', 'charge.dispute.funds_reinstated']);
    expect(won.events[0].data.object).toMatchObject({ id: dispute.id, status: 'won', payment_intent: paymentIntent });
    expect((await h.stripe.disputes.list({ charge: chargeId })).data[0].status).toBe('won');
    // Stripe keeps the charge marked disputed; the outcome is the dispute's.
    expect((await h.stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    await expect(h.emulator.closeDispute(dispute.id, 'lost')).rejects.toThrow(/already closed/);
  });

  it('closes a dispute lost with charge.dispute.closed only', async () => {
    const { result: dispute } = await h.emulator.createDispute(chargeId);
    const lost = await h.emulator.closeDispute(dispute.id, 'lost');
    expect(types(lost.events)).toEqual(['charge.dispute.closed']);
    expect(await h.stripe.disputes.retrieve(dispute.id)).toMatchObject({ status: 'lost' });
  });
});
