import type { Offer } from '../../domain/offer/offer.js';
import { OfferRepository, type OfferRedemption } from '../../domain/offer/offer.repository.js';

/** Offers and redemptions in memory (writes are immediate: the SQL repository writes without the unit of work too). */
export class InMemoryOfferRepository extends OfferRepository {
  readonly offers = new Map<string, Offer>();
  readonly redemptions = new Map<string, OfferRedemption>();

  async insert(offer: Offer) {
    if ([...this.offers.values()].some((other) => other.code.toLowerCase() === offer.code.toLowerCase())) return false;
    this.offers.set(offer.id, offer);
    return true;
  }
  async save(offer: Offer) {
    this.offers.set(offer.id, offer);
  }
  async byId(id: string) {
    return this.withCount(this.offers.get(id) ?? null);
  }
  async byCode(code: string) {
    const offer = [...this.offers.values()].find((other) => other.code.toLowerCase() === code.toLowerCase());
    return this.withCount(offer ?? null);
  }
  async list(includeArchived: boolean) {
    return [...this.offers.values()].filter((offer) => includeArchived || !offer.isArchived);
  }
  async recordRedemption(redemption: OfferRedemption) {
    if (this.redemptions.has(redemption.subscriptionId)) return false;
    this.redemptions.set(redemption.subscriptionId, redemption);
    return true;
  }

  private withCount(offer: Offer | null): Offer | null {
    if (offer) offer.redemptions = [...this.redemptions.values()].filter((entry) => entry.offerId === offer.id).length;
    return offer;
  }
}
