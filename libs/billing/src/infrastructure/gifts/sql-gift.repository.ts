import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Gift, GiftGrant } from '../../domain/gifts/gift.js';
import { GiftRepository } from '../../domain/gifts/gift.repository.js';

type Row = Record<string, unknown>;
const date = (value: unknown): Date | null => (value == null ? null : new Date(value as string));
const UUID = /^[0-9a-f-]{36}$/i;

function toGift(row: Row): Gift {
  return {
    id: String(row.id),
    code: String(row.code),
    buyerId: String(row.buyer_id),
    planId: String(row.plan_id),
    period: row.period as Gift['period'],
    amount: Number(row.amount),
    currency: String(row.currency),
    recipientEmail: (row.recipient_email as string | null) ?? null,
    message: (row.message as string | null) ?? null,
    status: row.status as Gift['status'],
    checkoutSessionId: (row.checkout_session_id as string | null) ?? null,
    paymentIntentId: (row.payment_intent_id as string | null) ?? null,
    refundedAmount: Number(row.refunded_amount),
    paidAt: date(row.paid_at),
    redeemedBy: (row.redeemed_by as string | null) ?? null,
    redeemedAt: date(row.redeemed_at),
    grantEndsAt: date(row.grant_ends_at),
    createdAt: date(row.created_at)!,
  };
}

@Injectable()
export class SqlGiftRepository extends GiftRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(gift: Gift) {
    await this.em.execute(
      `insert into billing.gifts (id, code, buyer_id, plan_id, period, amount, currency, recipient_email, message, status,
         checkout_session_id, payment_intent_id, refunded_amount, paid_at, redeemed_by, redeemed_at, grant_ends_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        gift.id,
        gift.code,
        gift.buyerId,
        gift.planId,
        gift.period,
        gift.amount,
        gift.currency,
        gift.recipientEmail,
        gift.message,
        gift.status,
        gift.checkoutSessionId,
        gift.paymentIntentId,
        gift.refundedAmount,
        gift.paidAt,
        gift.redeemedBy,
        gift.redeemedAt,
        gift.grantEndsAt,
        gift.createdAt,
      ],
    );
  }

  async byIdForUpdate(id: string) {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>('select * from billing.gifts where id = ? for update', [id]);
    return row ? toGift(row) : null;
  }

  async byCodeForUpdate(code: string) {
    const [row] = await this.em.execute<Row[]>('select * from billing.gifts where code = ? for update', [
      code.toUpperCase(),
    ]);
    return row ? toGift(row) : null;
  }

  async lockRedeemer(userId: string) {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('billing.gift-redeemer:' || ?))`, [userId]);
  }

  async byCode(code: string) {
    const [row] = await this.em.execute<Row[]>('select * from billing.gifts where code = ?', [code.toUpperCase()]);
    return row ? toGift(row) : null;
  }

  async idOfPaymentIntent(paymentIntentId: string) {
    const [row] = await this.em.execute<Row[]>('select id from billing.gifts where payment_intent_id = ?', [
      paymentIntentId,
    ]);
    return row ? String(row.id) : null;
  }

  async save(gift: Gift) {
    await this.em.execute(
      `update billing.gifts set status = ?, checkout_session_id = ?, payment_intent_id = ?, refunded_amount = ?,
         paid_at = ?, redeemed_by = ?, redeemed_at = ?, grant_ends_at = ? where id = ?`,
      [
        gift.status,
        gift.checkoutSessionId,
        gift.paymentIntentId,
        gift.refundedAmount,
        gift.paidAt,
        gift.redeemedBy,
        gift.redeemedAt,
        gift.grantEndsAt,
        gift.id,
      ],
    );
  }

  async boughtBy(buyerId: string) {
    const rows = await this.em.execute<Row[]>(
      'select * from billing.gifts where buyer_id = ? order by created_at desc, id limit 200',
      [buyerId],
    );
    return rows.map(toGift);
  }

  async grantsOf(userId: string, now: Date): Promise<GiftGrant[]> {
    const rows = await this.em.execute<Row[]>(
      `select id, plan_id, grant_ends_at from billing.gifts
       where redeemed_by = ? and status = 'redeemed' and grant_ends_at > ?`,
      [userId, now],
    );
    return rows.map((row) => ({
      giftId: String(row.id),
      planId: String(row.plan_id),
      endsAt: date(row.grant_ends_at)!,
    }));
  }
}
