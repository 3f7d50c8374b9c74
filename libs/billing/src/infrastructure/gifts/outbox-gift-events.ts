import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessagingRegistry, OutboxMessage } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { GiftPaidV1 } from '../../contracts/events/gift-paid.v1.js';
import { GiftEvents } from '../../application/gifts/gift-events.js';
import type { Gift } from '../../domain/gifts/gift.js';

/** The outbox row joins the transaction the gift row is saved in (the injected manager resolves to it). */
@Injectable()
export class OutboxGiftEvents extends GiftEvents {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MessagingRegistry,
  ) {
    super();
  }

  async paid(gift: Gift & { paidAt: Date }): Promise<void> {
    const { type, payload } = this.registry.serialize(
      new GiftPaidV1({
        giftId: gift.id,
        buyerId: gift.buyerId,
        planId: gift.planId,
        period: gift.period,
        amount: gift.amount,
        currency: gift.currency,
        paidAt: gift.paidAt.toISOString(),
      }),
    );
    this.em.persist(new OutboxMessage(newId(), type, payload, gift.id, null, gift.paidAt));
    await this.em.flush();
  }
}
