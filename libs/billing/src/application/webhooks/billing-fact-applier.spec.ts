import { EntitlementsChanged } from '../../domain/entitlement/entitlement-grant.events.js';
import { Customer } from '../../domain/customer/customer.js';
import { InvoicePaymentFailed } from '../../domain/payment/invoice.events.js';
import { classifyMovement } from '../../domain/revenue/index.js';
import {
  SubscriptionActivated,
  SubscriptionCanceled,
  SubscriptionChanged,
} from '../../domain/subscription/subscription.events.js';
import {
  A_USER_ID,
  aFreePlan,
  aPayment,
  aPlan,
  aProviderInvoice,
  aProviderSubscription,
  aSubscription,
  inMemoryBilling,
  type InMemoryBilling,
} from '../../testing/index.js';
import type { BillingFact, ProviderSubscription } from '../payment-provider.js';
import { UnresolvedReferenceError } from '../../domain/webhook/webhook-event.errors.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

const prime = aPlan().withId('prime').ranked(10).monthly(499).build();
const gold = aPlan().withId('gold').ranked(20).monthly(999).yearly(9_990).build();

describe('Billing facts from the payment provider', () => {
  let billing: InMemoryBilling;

  beforeEach(() => {
    billing = inMemoryBilling();
    billing.given(
      aFreePlan(),
      aPlan().withId('prime').ranked(10).monthly(499),
      aPlan().withId('gold').ranked(20).monthly(999).yearly(9_990),
    );
  });

  /** Applies a fact the way the webhook processor does: in one transaction, with the provider's event time. */
  const apply = (fact: BillingFact, observedAt = new Date()) =>
    billing.unitOfWork.transactional(() => billing.applier.apply(fact, observedAt));
  const subscriptionFact = (subscription: ProviderSubscription): BillingFact => ({
    kind: 'subscription',
    subscription,
  });
  const stored = async () => (await billing.subscriptions.byProviderIdForUpdate('sub_1'))!;
  const grant = async () => (await billing.grants.byUser(A_USER_ID))!;
  const movementKinds = async () => {
    const seen = new Set<string>();
    return (await billing.movements.until(new Date(Date.now() + DAY_MS))).map((movement) => {
      const kind = classifyMovement(movement, seen.has(movement.subscriptionId));
      if (movement.mrrBefore > 0 || movement.mrrAfter > 0) seen.add(movement.subscriptionId);
      return kind;
    });
  };
  /** A subscription billing already holds (with the grant it gives), for a customer already linked to the user. */
  const alreadyHolds = async (subscription: ReturnType<typeof aSubscription>) => {
    billing.given(new Customer(A_USER_ID, 'cus_1'), subscription.build());
    await billing.unitOfWork.transactional(() => billing.entitlements.refresh(A_USER_ID));
    billing.unitOfWork.published.length = 0;
  };

  describe('activation', () => {
    it('creates the subscription a first active state describes, links the customer and grants the plan', async () => {
      const outcome = await apply(subscriptionFact(aProviderSubscription().active().onPlan(gold).build()));

      expect(outcome).toBe('created');
      expect(await stored()).toMatchObject({
        userId: A_USER_ID,
        status: 'active',
        planId: 'gold',
        mrr: 999,
        version: 1,
      });
      expect(await billing.customers.byProviderId('cus_1')).toMatchObject({ userId: A_USER_ID });
      expect(await grant()).toMatchObject({ planId: 'gold', validUntil: null });
      expect(billing.unitOfWork.published.map((event) => event.constructor)).toEqual(
        expect.arrayContaining([SubscriptionActivated, EntitlementsChanged]),
      );
      expect(await movementKinds()).toEqual(['new']);
    });

    it('starts a trial with the plan granted but no revenue', async () => {
      await apply(subscriptionFact(aProviderSubscription().trialing().onPlan(gold).build()));

      expect(await grant()).toMatchObject({ planId: 'gold' });
      expect((await stored()).mrr).toBe(0);
      expect(await movementKinds()).toEqual([]);
    });

    it('leaves a subscription of an unknown customer unresolved and stores nothing', async () => {
      const anonymous = aProviderSubscription().active().onPlan(gold).withMetadata({ userId: 'not-a-user-id' }).build();

      await expect(apply(subscriptionFact(anonymous))).rejects.toBeInstanceOf(UnresolvedReferenceError);
      expect(await billing.subscriptions.byProviderIdForUpdate('sub_1')).toBeNull();
      expect(await billing.customers.byProviderId('cus_1')).toBeNull();
    });
  });

  describe('plan changes', () => {
    it('applies an upgrade at once: the bigger plan is granted and MRR expands', async () => {
      await alreadyHolds(aSubscription().active().onPlan(prime));

      const outcome = await apply(subscriptionFact(aProviderSubscription().active().onPlan(gold).build()));

      expect(outcome).toBe('applied');
      expect(await stored()).toMatchObject({ planId: 'gold', heldPlanId: null, version: 2 });
      expect(await grant()).toMatchObject({ planId: 'gold', validUntil: null });
      const [changed] = billing.unitOfWork.publishedOf(SubscriptionChanged);
      expect(changed).toMatchObject({ changes: expect.arrayContaining(['plan']), previous: { planId: 'prime' } });
      expect(await movementKinds()).toEqual(['expansion']);
    });

    it('keeps the paid plan after a downgrade until the period paid for ends, while MRR contracts at once', async () => {
      const current = aSubscription().active().onPlan(gold);
      await alreadyHolds(current);

      await apply(subscriptionFact(aProviderSubscription().active().onPlan(prime).build()));

      const periodEnd = current.buildState().currentPeriodEnd;
      expect(await stored()).toMatchObject({ planId: 'prime', heldPlanId: 'gold', heldUntil: periodEnd });
      expect(await grant()).toMatchObject({ planId: 'gold', validUntil: periodEnd, thenPlanId: 'prime' });
      expect(await movementKinds()).toEqual(['contraction']);
    });
  });

  describe('failed renewals: past_due, the grace period, the end', () => {
    it('keeps the plan for the grace days from the moment the subscription went past_due', async () => {
      await alreadyHolds(aSubscription().active().onPlan(gold));
      const wentPastDue = hoursAgo(1);

      await apply(subscriptionFact(aProviderSubscription().pastDue().onPlan(gold).build()), wentPastDue);

      expect(await stored()).toMatchObject({ status: 'past_due', pastDueSince: wentPastDue });
      expect(await grant()).toMatchObject({
        planId: 'gold',
        validUntil: new Date(wentPastDue.getTime() + 7 * DAY_MS),
        thenPlanId: 'free',
      });
      // past_due still counts as revenue: nothing has moved yet
      expect(await movementKinds()).toEqual([]);
    });

    it('gives Free once the grace days have passed, even before the provider gives up', async () => {
      billing = inMemoryBilling({ env: { BILLING_GRACE_DAYS: '3' } });
      billing.given(aFreePlan(), aPlan().withId('gold').ranked(20).monthly(999));
      await alreadyHolds(
        aSubscription()
          .pastDue()
          .onPlan(gold)
          .observedOn(new Date(Date.now() - 4 * DAY_MS)),
      );

      await billing.unitOfWork.transactional(() => billing.entitlements.refresh(A_USER_ID));

      expect(await grant()).toMatchObject({ planId: 'free', validUntil: null });
    });

    it('announces a failed payment with the end of the grace period, once per attempt', async () => {
      const wentPastDue = hoursAgo(5);
      await alreadyHolds(aSubscription().pastDue().onPlan(gold).observedOn(wentPastDue));
      const retry = new Date(Date.now() + 3 * DAY_MS);
      const failure: BillingFact = {
        kind: 'invoice',
        invoice: aProviderInvoice().failedAttempt(1, retry).build(),
        paymentFailed: true,
      };

      expect(await apply(failure)).toBe('payment-failed');
      expect(await apply(failure)).toBe('unchanged');

      const announced = billing.unitOfWork.publishedOf(InvoicePaymentFailed);
      expect(announced).toHaveLength(1);
      expect(announced[0]).toMatchObject({
        userId: A_USER_ID,
        attempt: 1,
        nextPaymentAttempt: retry,
        accessUntil: new Date(wentPastDue.getTime() + 7 * DAY_MS),
      });
    });

    it('ends the subscription when the provider cancels it: Free again, MRR churned, the cancellation announced', async () => {
      await alreadyHolds(aSubscription().pastDue().onPlan(gold).observedOn(hoursAgo(48)));

      const outcome = await apply(
        subscriptionFact(aProviderSubscription().canceled(hoursAgo(1), 'too_expensive').onPlan(gold).build()),
      );

      expect(outcome).toBe('applied');
      expect(await stored()).toMatchObject({ status: 'canceled', cancellationFeedback: 'too_expensive', mrr: 0 });
      expect(await grant()).toMatchObject({ planId: 'free' });
      expect(billing.unitOfWork.publishedOf(SubscriptionCanceled)).toHaveLength(1);
      expect(await movementKinds()).toEqual(['churn']);
    });

    it('counts a recovery from unpaid as reactivated revenue', async () => {
      await alreadyHolds(aSubscription().active().onPlan(gold));

      await apply(subscriptionFact(aProviderSubscription().unpaid().onPlan(gold).build()), hoursAgo(2));
      await apply(subscriptionFact(aProviderSubscription().active().onPlan(gold).build()), hoursAgo(1));

      expect(await movementKinds()).toEqual(['churn', 'reactivation']);
      expect(billing.unitOfWork.publishedOf(SubscriptionActivated)).toHaveLength(1);
    });
  });

  describe('events out of order or twice', () => {
    it('does not apply an older snapshot over a newer one: the provider is asked and its current state kept', async () => {
      await alreadyHolds(aSubscription().pastDue().onPlan(gold).observedOn(hoursAgo(1)));
      billing.provider.holdsSubscription(aProviderSubscription().pastDue().onPlan(gold).build());

      const lateActive = await apply(
        subscriptionFact(aProviderSubscription().active().onPlan(gold).build()),
        hoursAgo(2),
      );

      expect(lateActive).toBe('stale-refetched:unchanged');
      expect(await stored()).toMatchObject({ status: 'past_due', planId: 'gold' });
    });

    it('takes the provider’s newer state when a stale snapshot reveals the subscription moved on', async () => {
      await alreadyHolds(aSubscription().active().onPlan(prime).observedOn(hoursAgo(1)));
      billing.provider.holdsSubscription(aProviderSubscription().active().onPlan(gold).build());

      const outcome = await apply(
        subscriptionFact(aProviderSubscription().pastDue().onPlan(prime).build()),
        hoursAgo(3),
      );

      expect(outcome).toBe('stale-refetched:applied');
      expect(await stored()).toMatchObject({ status: 'active', planId: 'gold' });
      expect(await grant()).toMatchObject({ planId: 'gold' });
    });

    it('never revives a canceled subscription, whatever the timestamp of a late event', async () => {
      await alreadyHolds(aSubscription().canceled(hoursAgo(3)).onPlan(gold).observedOn(hoursAgo(3)));
      billing.provider.holdsSubscription(aProviderSubscription().canceled(hoursAgo(3)).onPlan(gold).build());

      const outcome = await apply(subscriptionFact(aProviderSubscription().active().onPlan(gold).build()), hoursAgo(1));

      expect(outcome).toBe('stale-refetched:unchanged');
      expect(await stored()).toMatchObject({ status: 'canceled', version: 1 });
      expect(billing.unitOfWork.published).toEqual([]);
    });

    it('has one effect however often the same event is delivered', async () => {
      const activation = subscriptionFact(aProviderSubscription().active().onPlan(gold).build());
      const at = hoursAgo(1);

      expect(await apply(activation, at)).toBe('created');
      expect(await apply(activation, at)).toBe('unchanged');

      expect(await stored()).toMatchObject({ version: 1 });
      expect(billing.unitOfWork.publishedOf(SubscriptionActivated)).toHaveLength(1);
      expect(await movementKinds()).toEqual(['new']);
    });
  });

  describe('payments and refunds the provider reports', () => {
    it('records one payment for a paid invoice however often it is delivered', async () => {
      await alreadyHolds(aSubscription().active().onPlan(gold));
      billing.provider.settledInvoice('in_1', 'ch_1');
      const paid: BillingFact = {
        kind: 'invoice',
        invoice: aProviderInvoice().of(999).paid().build(),
        paymentFailed: false,
      };

      expect(await apply(paid)).toBe('paid');
      expect(await apply(paid)).toBe('unchanged');

      const payment = await billing.payments.paymentByProviderId('ch_1');
      expect(payment).toMatchObject({ userId: A_USER_ID, amount: 999, planId: 'gold', status: 'succeeded' });
      expect(billing.payments.payments.all()).toHaveLength(1);
    });

    it('turns a refund made in the provider’s dashboard into a refund with its own credit note, once', async () => {
      billing.given(new Customer(A_USER_ID, 'cus_1'), aPayment().of(999).withProviderPaymentId('ch_1').build());
      const refunded: BillingFact = {
        kind: 'charge-refunded',
        providerPaymentId: 'ch_1',
        providerCustomerId: 'cus_1',
        amountRefunded: 300,
        providerRefundId: 're_1',
      };

      expect(await apply(refunded)).toBe('external-refund');
      expect(await apply(refunded)).toBe('known-refund');

      expect(await billing.payments.refundByProviderId('re_1')).toMatchObject({
        amount: 300,
        status: 'succeeded',
        creditNoteNumber: 'CN-000001',
      });
      expect(await billing.payments.paymentByProviderId('ch_1')).toMatchObject({
        refundedAmount: 300,
        status: 'partially_refunded',
      });
    });

    it('records a dispute as the provider holds it now, whichever event arrives and however often', async () => {
      billing.given(aPayment().withProviderPaymentId('ch_1').build());
      const dispute: BillingFact = { kind: 'dispute', providerPaymentId: 'ch_1', disputeId: 'dp_1' };
      const held = { id: 'dp_1', reason: 'fraudulent', createdAt: hoursAgo(1) };
      billing.provider.holdsDispute({ ...held, outcome: 'open' });

      expect(await apply(dispute)).toBe('dispute-open');
      expect(await apply(dispute)).toBe('unchanged');
      billing.provider.holdsDispute({ ...held, outcome: 'won' });
      expect(await apply(dispute)).toBe('dispute-won');
      expect(await apply(dispute)).toBe('unchanged');
      expect(await billing.payments.paymentByProviderId('ch_1')).toMatchObject({
        disputeId: 'dp_1',
        disputeReason: 'fraudulent',
        disputedAt: held.createdAt,
        disputeOutcome: 'won',
      });
    });
  });
});
