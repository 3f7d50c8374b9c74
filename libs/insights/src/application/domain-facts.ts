import type { MrrMovementKind, RevenueStreamName } from '@lib/billing/contracts';

/** What insights keeps from other contexts' events besides the raw log (users, subscriptions, MRR). */
export abstract class DomainFacts {
  abstract recordUser(userId: string, email: string, registeredAt: Date): Promise<void>;
  abstract recordSubscription(input: {
    subscriptionId: string;
    userId: string;
    channelId: string | null;
    planId: string;
    mrrCents: number;
    currency: string;
    activatedAt: Date;
  }): Promise<void>;
  /** Sets the subscription's MRR (ended: 0 and the end date); returns the MRR it had. */
  abstract updateSubscriptionMrr(
    subscriptionId: string,
    mrrCents: number,
    endedAt: Date | null,
  ): Promise<{ previousMrrCents: number; channelId: string | null } | null>;
  /** A row of billing's MRR ledger, as billing classified it; keyed by billing's movement id (a replay changes nothing). */
  abstract recordMrrMovement(movement: {
    movementId: string;
    subscriptionId: string;
    at: Date;
    kind: MrrMovementKind;
    deltaCents: number;
  }): Promise<void>;
  /** An entry of billing's revenue journal; keyed by billing's entry id (a replay changes nothing). */
  abstract recordRevenueEntry(entry: {
    entryId: string;
    stream: RevenueStreamName;
    amount: number;
    currency: string;
    creatorId: string | null;
    at: Date;
  }): Promise<void>;
  abstract channelOfSubscription(subscriptionId: string): Promise<string | null>;
  abstract channelOfPayment(paymentId: string): Promise<string | null>;
  abstract emailOf(userId: string): Promise<string | null>;
}

/** Studio's catalogue as insights needs it: channel owners, and which channel (and creator) a video belongs to. */
export abstract class VideoCatalogue {
  abstract recordChannel(channelId: string, ownerId: string, createdAt: Date): Promise<void>;
  abstract upsert(video: {
    videoId: string;
    channelId: string;
    creatorId: string;
    title: string | null;
    durationSeconds: number | null;
    publishedAt: Date | null;
  }): Promise<void>;
}
