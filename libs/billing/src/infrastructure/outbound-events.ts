import { OutboundEventMap } from '@lib/platform';
import {
  EntitlementsChangedV1,
  MrrMovementRecordedV1,
  PaymentFailedV1,
  PaymentSucceededV1,
  RefundIssuedV1,
  SubscriptionActivatedV1,
  SubscriptionCanceledV1,
  SubscriptionChangedV1,
} from '../contracts/index.js';
import type { EntitlementGrant } from '../domain/entitlement/entitlement-grant.js';
import { EntitlementsChanged } from '../domain/entitlement/entitlement-grant.events.js';
import type { Invoice } from '../domain/payment/invoice.js';
import { InvoicePaymentFailed } from '../domain/payment/invoice.events.js';
import type { Payment } from '../domain/payment/payment.js';
import { PaymentSucceeded } from '../domain/payment/payment.events.js';
import type { Refund } from '../domain/payment/refund.js';
import { RefundIssued } from '../domain/payment/refund.events.js';
import type { MrrMovementRecord } from '../domain/subscription/mrr-movement.js';
import { MrrMovementRecorded } from '../domain/subscription/mrr-movement.events.js';
import {
  SubscriptionActivated,
  SubscriptionCanceled,
  SubscriptionChanged,
} from '../domain/subscription/subscription.events.js';
import type { Subscription } from '../domain/subscription/subscription.js';

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Which billing facts leave the context, and in what shape. */
export const billingOutboundEvents = new OutboundEventMap()
  .on(SubscriptionActivated, (event, aggregate) => {
    const subscription = aggregate as Subscription;
    return new SubscriptionActivatedV1({
      subscriptionId: subscription.id,
      userId: subscription.userId,
      planId: event.planId,
      interval: event.interval,
      status: event.status,
      amount: subscription.unitAmount,
      currency: subscription.currency,
      mrr: subscription.mrr,
      trialEnd: iso(subscription.trialEnd),
      currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
      attribution: { ...subscription.attribution },
      activatedAt: event.occurredAt.toISOString(),
    });
  })
  .on(SubscriptionChanged, (event, aggregate) => {
    const subscription = aggregate as Subscription;
    return new SubscriptionChangedV1({
      subscriptionId: subscription.id,
      userId: subscription.userId,
      changes: [...event.changes],
      planId: subscription.planId,
      previousPlanId: event.previous.planId,
      interval: subscription.interval,
      status: subscription.status,
      previousStatus: event.previous.status,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      mrr: subscription.mrr,
      currency: subscription.currency,
      currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
      changedAt: event.occurredAt.toISOString(),
    });
  })
  .on(SubscriptionCanceled, (event, aggregate) => {
    const subscription = aggregate as Subscription;
    return new SubscriptionCanceledV1({
      subscriptionId: subscription.id,
      userId: subscription.userId,
      planId: event.planId,
      reason: event.reason,
      feedback: event.feedback,
      comment: event.comment,
      endedAt: (subscription.endedAt ?? event.occurredAt).toISOString(),
    });
  })
  .on(PaymentSucceeded, (_event, aggregate) => {
    const payment = aggregate as Payment;
    return new PaymentSucceededV1({
      paymentId: payment.id,
      userId: payment.userId,
      invoiceId: payment.invoiceId,
      subscriptionId: payment.subscriptionId,
      planId: payment.planId,
      amount: payment.amount,
      currency: payment.currency,
      billingReason: payment.billingReason,
      paidAt: payment.paidAt.toISOString(),
    });
  })
  .on(InvoicePaymentFailed, (event, aggregate) => {
    const invoice = aggregate as Invoice;
    return new PaymentFailedV1({
      invoiceId: invoice.id,
      userId: invoice.userId,
      subscriptionId: invoice.subscriptionId,
      amountDue: invoice.amountDue,
      currency: invoice.currency,
      attempt: event.attempt,
      nextPaymentAttempt: iso(event.nextPaymentAttempt),
      accessUntil: iso(event.accessUntil),
      payUrl: invoice.hostedUrl,
      failedAt: event.occurredAt.toISOString(),
    });
  })
  .on(RefundIssued, (_event, aggregate) => {
    const refund = aggregate as Refund;
    return new RefundIssuedV1({
      refundId: refund.id,
      paymentId: refund.paymentId,
      userId: refund.userId,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
      creditNoteNumber: refund.creditNoteNumber!,
      issuedAt: (refund.settledAt ?? new Date()).toISOString(),
    });
  })
  .on(MrrMovementRecorded, (event, aggregate) => {
    const movement = aggregate as MrrMovementRecord;
    return new MrrMovementRecordedV1({
      movementId: movement.id,
      subscriptionId: movement.subscriptionId,
      userId: movement.userId,
      planId: movement.planId,
      currency: movement.currency,
      kind: event.kind,
      mrrBefore: movement.mrrBefore,
      mrrAfter: movement.mrrAfter,
      occurredAt: movement.occurredAt.toISOString(),
    });
  })
  .on(EntitlementsChanged, (event, aggregate) => {
    const grant = aggregate as EntitlementGrant;
    return new EntitlementsChangedV1({
      userId: grant.userId,
      planId: event.planId,
      previousPlanId: event.previousPlanId,
      entitlements: { ...event.entitlements },
      validUntil: iso(grant.validUntil),
      changedAt: event.occurredAt.toISOString(),
    });
  });
