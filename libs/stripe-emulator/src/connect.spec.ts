import Stripe from 'stripe';
import { rejectionOf, startHarness, types, type Harness } from './testing/index.js';

/** An onboarded Express account (its account.updated events included in the returned list). */
async function onboardedAccount(h: Harness): Promise<string> {
  const account = await h.stripe.accounts.create({
    type: 'express',
    email: 'creator@example.com',
    metadata: { userId: 'c-1' },
  });
  const link = await h.stripe.accountLinks.create({
    account: account.id,
    type: 'account_onboarding',
    refresh_url: 'http://app.test/refresh',
    return_url: 'http://app.test/return',
  });
  await h.emulator.completeOnboarding(link.url.split('/').pop()!);
  return account.id;
}

async function tipCheckout(h: Harness, destination: string, amount = 1000, fee = 100) {
  return h.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Tip' } }, quantity: 1 }],
    payment_intent_data: {
      application_fee_amount: fee,
      transfer_data: { destination },
      metadata: { tipId: 'tip-1' },
    },
    metadata: { kind: 'tip', tipId: 'tip-1' },
    success_url: 'http://app.test/ok',
    cancel_url: 'http://app.test/cancel',
  });
}

describe('Stripe Connect through the real Stripe SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
  });
  afterEach(() => h.close());

  it('creates an Express account that onboarding through an account link enables (account.updated, once per link)', async () => {
    const account = await h.stripe.accounts.create({ type: 'express', email: 'creator@example.com' });
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
    });
    expect(account.id).toMatch(/^acct_/);
    expect(await rejectionOf(h.stripe.accounts.create({ type: 'standard' }))).toMatchObject({
      statusCode: 400,
      param: 'type',
    });

    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'http://app.test/refresh',
      return_url: 'http://app.test/return',
    });
    expect(link).toMatchObject({ object: 'account_link', expires_at: h.now() + 300 });
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/sandbox\/connect\/aclink_/);

    const { events } = await h.emulator.completeOnboarding(link.url.split('/').pop()!);
    expect(types(events)).toEqual(['account.updated']);
    expect(events[0]).toMatchObject({
      account: account.id,
      data: {
        object: { id: account.id, charges_enabled: true, payouts_enabled: true, details_submitted: true },
        previous_attributes: { charges_enabled: false, payouts_enabled: false, details_submitted: false },
      },
    });
    await expect(h.emulator.completeOnboarding(link.url.split('/').pop()!)).rejects.toThrow(/expired/);

    const held = await h.stripe.accounts.update(account.id, {
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    expect(held.settings?.payouts?.schedule.interval).toBe('manual');
  });

  it('refuses a destination charge to an account that has not finished onboarding, and a fee without a destination', async () => {
    const account = await h.stripe.accounts.create({ type: 'express' });
    const refused = await rejectionOf(tipCheckout(h, account.id));
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused).toMatchObject({ code: 'insufficient_capabilities_for_transfer' });
    const noDestination = await rejectionOf(
      h.stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Tip' } } }],
        payment_intent_data: { application_fee_amount: 50 },
      }),
    );
    expect(noDestination).toMatchObject({ statusCode: 400, param: 'payment_intent_data[application_fee_amount]' });
    const feeTooHigh = await rejectionOf(tipCheckout(h, await onboardedAccount(h), 500, 501));
    expect(feeTooHigh).toMatchObject({ statusCode: 400, param: 'payment_intent_data[application_fee_amount]' });
  });

  it('refuses payment-mode line items without price_data or an amount, and expires a declined one', async () => {
    const price = await rejectionOf(
      h.stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: 'price_x', quantity: 1 }] }),
    );
    expect(price).toMatchObject({ statusCode: 400, param: 'line_items[0][price_data]' });
    const noAmount = await rejectionOf(
      h.stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ price_data: { currency: 'usd', product_data: { name: 'Tip' } } }],
      }),
    );
    expect(noAmount).toMatchObject({ statusCode: 400, param: 'line_items[0][price_data][unit_amount]' });
    const session = await tipCheckout(h, await onboardedAccount(h));
    const { events } = await h.emulator.completeCheckout(session.id, 'decline');
    expect(types(events)).toEqual(['checkout.session.expired']);
  });

  it('pays a payment-mode checkout as a destination charge: the platform keeps the fee, the rest is transferred', async () => {
    const account = await onboardedAccount(h);
    const session = await tipCheckout(h, account, 1000, 100);
    expect(session).toMatchObject({ mode: 'payment', status: 'open', amount_total: 1000, currency: 'usd' });

    const { result, events } = await h.emulator.completeCheckout(session.id, 'pay');
    expect(types(events)).toEqual([
      'customer.created',
      'application_fee.created',
      'transfer.created',
      'payment_intent.succeeded',
      'charge.succeeded',
      'checkout.session.completed',
    ]);
    expect(result).toMatchObject({ status: 'complete', payment_status: 'paid', metadata: { tipId: 'tip-1' } });
    const intent = await h.stripe.paymentIntents.retrieve(result.payment_intent as string);
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 1000,
      application_fee_amount: 100,
      transfer_data: { destination: account },
      metadata: { tipId: 'tip-1' },
    });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    const transfer = await h.stripe.transfers.retrieve(charge.transfer as string);
    expect(transfer).toMatchObject({ amount: 900, destination: account, source_transaction: charge.id });
    const fee = await h.stripe.applicationFees.retrieve(charge.application_fee as string);
    expect(fee).toMatchObject({ amount: 100, account, charge: charge.id });
    expect(await h.emulator.connectBalance(account)).toEqual({ usd: 900 });
  });

  it('reverses the creator share with a refund (reverse_transfer) and through transfer reversals', async () => {
    const account = await onboardedAccount(h);
    const session = await tipCheckout(h, account, 1000, 100);
    const { result } = await h.emulator.completeCheckout(session.id, 'pay');
    const intent = await h.stripe.paymentIntents.retrieve(result.payment_intent as string);
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);

    const refund = await h.stripe.refunds.create({
      payment_intent: intent.id,
      amount: 500,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    expect(refund.transfer_reversal).toMatch(/^trr_/);
    const transfer = await h.stripe.transfers.retrieve(charge.transfer as string);
    expect(transfer).toMatchObject({ amount_reversed: 450, reversed: false });
    expect(await h.stripe.applicationFees.retrieve(charge.application_fee as string)).toMatchObject({
      amount_refunded: 50,
    });

    const reversal = await h.stripe.transfers.createReversal(transfer.id, { amount: 450 });
    expect(reversal).toMatchObject({ object: 'transfer_reversal', amount: 450, transfer: transfer.id });
    expect(await h.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 900, reversed: true });
    expect(await rejectionOf(h.stripe.transfers.createReversal(transfer.id, { amount: 1 }))).toMatchObject({
      statusCode: 400,
    });
    expect(await h.emulator.connectBalance(account)).toEqual({ usd: 0 });
  });

  it('transfers platform money to an onboarded account once per idempotency key, and refuses one still onboarding', async () => {
    const account = await onboardedAccount(h);
    const params = { amount: 40, currency: 'usd', destination: account, metadata: { kind: 'ad_share' } };
    const first = await h.stripe.transfers.create(params, { idempotencyKey: 'ad-share:s-1' });
    const again = await h.stripe.transfers.create(params, { idempotencyKey: 'ad-share:s-1' });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ object: 'transfer', amount: 40, destination: account, source_transaction: null });
    expect(await h.emulator.connectBalance(account)).toEqual({ usd: 40 });
    const fresh = await h.stripe.accounts.create({ type: 'express' });
    expect(
      await rejectionOf(h.stripe.transfers.create({ amount: 40, currency: 'usd', destination: fresh.id })),
    ).toMatchObject({ statusCode: 400, code: 'insufficient_capabilities_for_transfer' });
    expect(
      await rejectionOf(h.stripe.transfers.create({ amount: 0, currency: 'usd', destination: account })),
    ).toMatchObject({ statusCode: 400, code: 'amount_too_small' });
  });

  it('pays out balances on the automatic run, skips manual schedules, and returns a failed payout to the balance', async () => {
    const account = await onboardedAccount(h);
    const { result } = await h.emulator.completeCheckout((await tipCheckout(h, account, 2000, 200)).id, 'pay');
    expect(result.status).toBe('complete');

    await h.stripe.accounts.update(account, { settings: { payouts: { schedule: { interval: 'manual' } } } });
    expect((await h.emulator.runPayouts()).result).toEqual([]);
    await h.stripe.accounts.update(account, { settings: { payouts: { schedule: { interval: 'daily' } } } });

    const run = await h.emulator.runPayouts();
    expect(types(run.events)).toEqual(['payout.created']);
    expect(run.events[0]).toMatchObject({ account });
    const [payout] = run.result;
    expect(payout).toMatchObject({ amount: 1800, currency: 'usd', status: 'in_transit' });
    expect(await h.emulator.connectBalance(account)).toEqual({ usd: 0 });

    const failed = await h.emulator.settlePayout(payout.id, 'failed');
    expect(types(failed.events)).toEqual(['payout.failed']);
    expect(failed.events[0]).toMatchObject({ account, data: { object: { status: 'failed' } } });
    expect(await h.emulator.connectBalance(account)).toEqual({ usd: 1800 });
    await expect(h.emulator.settlePayout(payout.id, 'paid')).rejects.toThrow(/already failed/);

    const [second] = (await h.emulator.runPayouts()).result;
    const paid = await h.emulator.settlePayout(second.id, 'paid');
    expect(types(paid.events)).toEqual(['payout.paid']);
    expect(await h.stripe.payouts.retrieve(second.id)).toMatchObject({ status: 'paid', amount: 1800 });
  });
});
