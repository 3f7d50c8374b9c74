import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Offer, type OfferDuration, type OfferKind } from '../../domain/offer/offer.js';
import { OfferRepository, type OfferRedemption } from '../../domain/offer/offer.repository.js';

interface OfferRow {
  id: string;
  code: string;
  name: string;
  kind: OfferKind;
  percent_off: string | null;
  amount_off: number | null;
  currency: string | null;
  trial_days: number | null;
  duration: OfferDuration | null;
  duration_in_months: number | null;
  plan_ids: string[];
  valid_from: Date | null;
  valid_until: Date | null;
  max_redemptions: number | null;
  archived_at: Date | null;
  provider_coupon_id: string | null;
  provider_promotion_code_id: string | null;
  created_at: Date;
  redemptions: string;
}

const SELECT = `select o.*, (select count(*) from billing.offer_redemptions r where r.offer_id = o.id) as redemptions
  from billing.offers o`;
const date = (value: Date | string | null) => (value === null ? null : new Date(value));

/** Offers in plain SQL: the code is unique case-insensitively (an index on lower(code)). */
@Injectable()
export class SqlOfferRepository extends OfferRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async insert(offer: Offer): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into billing.offers (id, code, name, kind, percent_off, amount_off, currency, trial_days, duration,
         duration_in_months, plan_ids, valid_from, valid_until, max_redemptions, archived_at, provider_coupon_id,
         provider_promotion_code_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)
       on conflict ((lower(code))) do nothing returning id`,
      [
        offer.id,
        offer.code,
        offer.name,
        offer.kind,
        offer.percentOff,
        offer.amountOff,
        offer.currency,
        offer.trialDays,
        offer.duration,
        offer.durationInMonths,
        `{${offer.planIds.map((id) => JSON.stringify(id)).join(',')}}`,
        offer.validFrom,
        offer.validUntil,
        offer.maxRedemptions,
        offer.archivedAt,
        offer.providerCouponId,
        offer.providerPromotionCodeId,
        offer.createdAt,
      ],
    );
    return rows.length > 0;
  }

  async save(offer: Offer): Promise<void> {
    await this.em.execute(
      `update billing.offers set archived_at = ?, provider_coupon_id = ?, provider_promotion_code_id = ? where id = ?`,
      [offer.archivedAt, offer.providerCouponId, offer.providerPromotionCodeId, offer.id],
    );
  }

  async byId(id: string): Promise<Offer | null> {
    const [row] = await this.em.execute<OfferRow[]>(`${SELECT} where o.id = ?`, [id]);
    return row ? toOffer(row) : null;
  }

  async byCode(code: string): Promise<Offer | null> {
    const [row] = await this.em.execute<OfferRow[]>(`${SELECT} where lower(o.code) = lower(?)`, [code]);
    return row ? toOffer(row) : null;
  }

  async list(includeArchived: boolean): Promise<Offer[]> {
    const rows = await this.em.execute<OfferRow[]>(
      `${SELECT} ${includeArchived ? '' : 'where o.archived_at is null'} order by o.created_at desc, o.id`,
    );
    return rows.map(toOffer);
  }

  async recordRedemption(redemption: OfferRedemption): Promise<boolean> {
    const rows = await this.em.execute<{ subscription_id: string }[]>(
      `insert into billing.offer_redemptions (subscription_id, offer_id, user_id, plan_id, redeemed_at)
       values (?, ?, ?, ?, ?) on conflict (subscription_id) do nothing returning subscription_id`,
      [redemption.subscriptionId, redemption.offerId, redemption.userId, redemption.planId, redemption.redeemedAt],
    );
    return rows.length > 0;
  }
}

function toOffer(row: OfferRow): Offer {
  return Offer.restore({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    percentOff: row.percent_off === null ? null : Number(row.percent_off),
    amountOff: row.amount_off,
    currency: row.currency,
    trialDays: row.trial_days,
    duration: row.duration,
    durationInMonths: row.duration_in_months,
    planIds: row.plan_ids,
    validFrom: date(row.valid_from),
    validUntil: date(row.valid_until),
    maxRedemptions: row.max_redemptions,
    createdAt: new Date(row.created_at),
    redemptions: Number(row.redemptions),
    archivedAt: date(row.archived_at),
    providerCouponId: row.provider_coupon_id,
    providerPromotionCodeId: row.provider_promotion_code_id,
  });
}
