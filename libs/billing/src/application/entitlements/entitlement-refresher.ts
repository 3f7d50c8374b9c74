import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@config';
import { bestAccess } from '../../domain/entitlement/access-policy.js';
import { EntitlementGrant } from '../../domain/entitlement/entitlement-grant.js';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';
import { accessWithGifts } from '../../domain/gifts/gift.js';
import { GiftRepository } from '../../domain/gifts/gift.repository.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';
import { PlanCatalogue } from '../plan-catalogue.js';

/** Recomputes a user's grant from their subscriptions (inside the caller's transaction). */
@Injectable()
export class EntitlementRefresher {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly grants: EntitlementRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly config: AppConfig,
    // Optional so handler specs on inMemoryBilling() need no gifts; the module always provides it.
    @Optional() private readonly gifts?: GiftRepository,
  ) {}

  async refresh(userId: string, now = new Date()): Promise<EntitlementGrant> {
    const rank = await this.catalogue.ranker();
    const fromSubscriptions = bestAccess(
      await this.subscriptions.liveOf(userId),
      now,
      this.config.billing.graceDays,
      rank,
    );
    // A redeemed gift in force above the subscriptions' plan gives its plan until it ends (docs/adr/0055).
    const access = this.gifts
      ? accessWithGifts(fromSubscriptions, await this.gifts.grantsOf(userId, now), now, rank)
      : fromSubscriptions;
    const entitlements = { ...(await this.catalogue.get(access.planId)).entitlements };
    const grant = await this.grants.byUser(userId);
    if (!grant) {
      const started = EntitlementGrant.start(userId, access, entitlements);
      this.grants.add(started);
      return started;
    }
    grant.refresh(access, now, entitlements);
    return grant;
  }
}
