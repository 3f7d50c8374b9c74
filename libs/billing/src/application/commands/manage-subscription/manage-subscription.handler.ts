import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { NoSubscriptionError, SubscriptionStateError } from '../../../domain/subscription/subscription.errors.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import type { Subscription } from '../../../domain/subscription/subscription.js';
import { PaymentProvider, type ProviderSubscription } from '../../payment-provider.js';
import { toSubscriptionView } from '../../subscription-views.js';
import { BillingFactApplier } from '../../webhooks/billing-fact-applier.js';
import { ManageSubscriptionCommand, type SubscriptionAction } from './manage-subscription.command.js';

/**
 * Cancel (now or at the period end, with the customer's reason), pause and resume. `resume` also
 * takes back a cancellation scheduled for the period end. The provider's answer is applied at once;
 * its webhooks arrive later and change nothing more.
 */
@CommandHandler(ManageSubscriptionCommand)
export class ManageSubscriptionHandler implements ICommandHandler<ManageSubscriptionCommand> {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly provider: PaymentProvider,
    private readonly applier: BillingFactApplier,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, action }: ManageSubscriptionCommand) {
    const live = await this.subscriptions.liveOf(userId);
    const subscription = live.find((candidate) => candidate.status !== 'incomplete') ?? null;
    if (!subscription) throw new NoSubscriptionError();
    const key = `${action.kind}:${subscription.id}:${subscription.version ?? 0}`;
    const state = await this.call(subscription, action, key);
    const updated = await this.unitOfWork.transactional(async () => {
      const applied = (await this.applier.applySubscription(state, new Date(), false)).subscription;
      if (action.kind === 'cancel') applied.noteCancellationReason(action.feedback, action.comment);
      return applied;
    });
    return toSubscriptionView(updated);
  }

  private call(subscription: Subscription, action: SubscriptionAction, key: string): Promise<ProviderSubscription> {
    const id = subscription.providerSubscriptionId;
    switch (action.kind) {
      case 'cancel':
        if (action.atPeriodEnd) {
          if (subscription.status === 'paused')
            throw new SubscriptionStateError('cancelled at the period end', subscription.status);
          return this.provider.scheduleCancellation(id, true, action.feedback, action.comment, key);
        }
        return this.provider.cancelNow(id, action.feedback, action.comment, key);
      case 'pause':
        if (subscription.status !== 'active') throw new SubscriptionStateError('paused', subscription.status);
        return this.provider.pause(id, key);
      case 'resume':
        if (subscription.status === 'paused') return this.provider.resume(id, key);
        if (subscription.cancelAtPeriodEnd) return this.provider.scheduleCancellation(id, false, null, null, key);
        throw new SubscriptionStateError('resumed', subscription.status);
    }
  }
}
