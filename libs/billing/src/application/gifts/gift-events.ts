import type { Gift } from '../../domain/gifts/gift.js';

/** Gift facts other work follows (the recipient's mail): written in the caller's transaction, sent after it commits. */
export abstract class GiftEvents {
  /** The gift's payment was first seen succeeded; its `billing.gift-paid.v1` leaves through the outbox. */
  abstract paid(gift: Gift & { paidAt: Date }): Promise<void>;
}
