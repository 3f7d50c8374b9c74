import type { Offer } from './offer.js';

export interface OfferRedemption {
  offerId: string;
  subscriptionId: string;
  userId: string;
  planId: string;
  redeemedAt: Date;
}

export abstract class OfferRepository {
  /** Inserts a new offer; false when its code (case-insensitive) is taken. */
  abstract insert(offer: Offer): Promise<boolean>;
  abstract save(offer: Offer): Promise<void>;
  abstract byId(id: string): Promise<Offer | null>;
  /** The offer with this code, case-insensitive, with its redemption count. */
  abstract byCode(code: string): Promise<Offer | null>;
  abstract list(includeArchived: boolean): Promise<Offer[]>;
  /** Records a redemption once per subscription; false when that subscription's redemption is already recorded. */
  abstract recordRedemption(redemption: OfferRedemption): Promise<boolean>;
}
