import type { MailMessage } from '@lib/platform';
import type { Gift } from '../../domain/gifts/gift.js';

export const BILLING_MAIL_QUEUE = 'billing.send-mail';

/** Where billing's mails go: queued by the consumer of the fact that decided them, sent and retried by a worker. */
export abstract class GiftMails {
  /** The same idempotency key queued twice is one mail. */
  abstract queue(mail: MailMessage & { idempotencyKey: string }): Promise<void>;
}

/** The redemption link of a gift. */
export function redeemUrl(appUrl: string, code: string): string {
  return `${appUrl}/gifts/${code}`;
}

/** The recipient's mail: who sent it, what it gives, the link. Keyed by the gift: one mail per gift. */
export function giftRecipientMail(
  gift: Gift,
  from: string,
  planName: string,
  appUrl: string,
): MailMessage & { idempotencyKey: string } {
  const link = redeemUrl(appUrl, gift.code);
  const what = `one ${gift.period} of ${planName}`;
  return {
    to: gift.recipientEmail!,
    subject: `${from} sent you a gift: ${what}`,
    idempotencyKey: `gift-recipient:${gift.id}`,
    text: [
      `${from} gave you ${what} on Showrunner.`,
      ...(gift.message ? ['', `“${gift.message}”`] : []),
      '',
      `Redeem it within a year: ${link}`,
      `Or enter the code ${gift.code} after signing in.`,
    ].join('\n'),
  };
}
