import { redeemableUntil, type Gift } from '../../domain/gifts/gift.js';
import { redeemUrl } from './gift-mails.js';

/** A gift as its buyer sees it: the code and link once paid (and while it can still be used or was used). */
export interface GiftView {
  id: string;
  planId: string;
  period: string;
  amount: number;
  currency: string;
  status: string;
  recipientEmail: string | null;
  message: string | null;
  code: string | null;
  redeemUrl: string | null;
  redeemableUntil: string | null;
  redeemedAt: string | null;
  createdAt: string;
}

export function giftView(gift: Gift, appUrl: string): GiftView {
  const shown = gift.status === 'paid' || gift.status === 'redeemed';
  return {
    id: gift.id,
    planId: gift.planId,
    period: gift.period,
    amount: gift.amount,
    currency: gift.currency,
    status: gift.status,
    recipientEmail: gift.recipientEmail,
    message: gift.message,
    code: shown ? gift.code : null,
    redeemUrl: shown ? redeemUrl(appUrl, gift.code) : null,
    redeemableUntil: gift.status === 'paid' ? (redeemableUntil(gift)?.toISOString() ?? null) : null,
    redeemedAt: gift.redeemedAt?.toISOString() ?? null,
    createdAt: gift.createdAt.toISOString(),
  };
}

/** What anyone holding the code sees: the plan, the period, who it is from; never an e-mail address. */
export interface GiftPreview {
  planId: string;
  planName: string;
  period: string;
  from: string;
  message: string | null;
  status: 'redeemable' | 'redeemed' | 'expired' | 'refunded' | 'disputed';
  redeemableUntil: string | null;
}
