import type { Gift, GiftGrant } from './gift.js';

export abstract class GiftRepository {
  abstract add(gift: Gift): Promise<void>;
  /** The gift, its row locked until the transaction ends. */
  abstract byIdForUpdate(id: string): Promise<Gift | null>;
  abstract byCodeForUpdate(code: string): Promise<Gift | null>;
  /** Serialises one person's redemptions until the transaction ends. */
  abstract lockRedeemer(userId: string): Promise<void>;
  abstract byCode(code: string): Promise<Gift | null>;
  abstract idOfPaymentIntent(paymentIntentId: string): Promise<string | null>;
  abstract save(gift: Gift): Promise<void>;
  /** The gifts a person bought, newest first. */
  abstract boughtBy(buyerId: string): Promise<Gift[]>;
  /** The gifts a person redeemed whose access has not ended at `now`. */
  abstract grantsOf(userId: string, now: Date): Promise<GiftGrant[]>;
}
