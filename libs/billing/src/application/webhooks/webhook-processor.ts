import { Injectable, Logger } from '@nestjs/common';
import { faultPoint, UnitOfWork } from '@lib/platform';
import { WebhookEventRepository } from '../../domain/webhook/webhook-event.repository.js';
import { PaymentProvider } from '../payment-provider.js';
import { BillingFactApplier } from './billing-fact-applier.js';
import { UnresolvedReferenceError } from '../../domain/webhook/webhook-event.errors.js';
import { WebhookQueue } from './webhook-queue.js';
import { ConnectProvider } from '../connect-provider.js';
import { ConnectFactApplier } from '../tips/connect-fact-applier.js';
import { GiftProvider } from '../gift-provider.js';
import { GiftFactApplier } from '../gifts/gift-fact-applier.js';

/**
 * Processes one stored webhook event: its row is locked, its effect and its `processed` status commit
 * together, so a redelivery, a replay or two racing jobs have exactly one effect; events about the
 * same customer are applied one after the other.
 */
@Injectable()
export class WebhookProcessor {
  private readonly logger = new Logger(WebhookProcessor.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly webhooks: WebhookEventRepository,
    private readonly provider: PaymentProvider,
    private readonly applier: BillingFactApplier,
    private readonly queue: WebhookQueue,
    private readonly connect: ConnectProvider,
    private readonly connectApplier: ConnectFactApplier,
    private readonly gifts: GiftProvider,
    private readonly giftApplier: GiftFactApplier,
  ) {}

  /** Returns the outcome; throws (for the job to retry) on unexpected failures. */
  async process(webhookId: string): Promise<string> {
    let linkedCustomer: string | null = null;
    try {
      const outcome = await this.unitOfWork.transactional(async () => {
        const event = await this.webhooks.byIdForUpdate(webhookId);
        if (!event) return 'missing';
        if (event.isSettled) return 'already-settled';
        // Events about one customer are applied one at a time (they touch the same subscription, invoice and payment rows).
        if (event.providerCustomerId) await this.webhooks.lockCustomer(event.providerCustomerId);
        event.attempts += 1;
        // Gift purchases and their refunds first (docs/adr/0055); anything not theirs goes on.
        const giftFact = this.gifts.interpret({ type: event.type, payload: event.payload });
        const giftOutcome = giftFact ? await this.giftApplier.apply(giftFact) : null;
        if (giftOutcome) {
          event.settle('processed', giftOutcome);
          return giftOutcome;
        }
        // Tips, payout accounts and payouts (Stripe Connect) first; anything not theirs goes on to subscriptions.
        const connectFact = this.connect.interpret({ type: event.type, payload: event.payload });
        const connectOutcome = connectFact ? await this.connectApplier.apply(connectFact) : null;
        if (connectOutcome) {
          event.settle('processed', connectOutcome);
          return connectOutcome;
        }
        const fact = this.provider.interpret({ type: event.type, payload: event.payload });
        if (!fact) {
          event.settle('ignored', 'unhandled-type');
          return 'ignored';
        }
        const outcome = await this.applier.apply(fact, event.providerCreatedAt);
        if (fact.kind === 'checkout-completed') linkedCustomer = fact.providerCustomerId;
        event.settle('processed', outcome);
        return outcome;
      });
      faultPoint('webhook.after-apply');
      if (linkedCustomer) await this.retryUnresolved(linkedCustomer);
      return outcome;
    } catch (error) {
      const unresolved = error instanceof UnresolvedReferenceError;
      await this.unitOfWork.transactional(async () => {
        const event = await this.webhooks.byIdForUpdate(webhookId);
        if (!event || event.isSettled) return;
        event.attempts += 1;
        event.defer(unresolved ? 'unresolved' : 'failed', error instanceof Error ? error.message : String(error));
      });
      if (unresolved) {
        this.logger.warn(
          { webhookId, reason: (error as Error).message },
          'webhook event unresolved; it will be retried',
        );
        return 'unresolved';
      }
      throw error;
    }
  }

  /** A customer just got linked to a user: events that were waiting for it can go now. */
  private async retryUnresolved(providerCustomerId: string): Promise<void> {
    for (const event of await this.webhooks.unresolvedOfCustomer(providerCustomerId)) {
      await this.queue.enqueue(event.id, event.attempts);
    }
  }
}
