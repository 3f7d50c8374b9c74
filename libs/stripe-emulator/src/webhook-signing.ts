import { createHmac } from 'node:crypto';

/**
 * A `Stripe-Signature` header for `payload`, as Stripe signs webhook deliveries: `t=<unix seconds>,v1=<hex>`,
 * where v1 is HMAC-SHA256(secret, `${t}.${payload}`). Accepted by `stripe.webhooks.constructEvent`.
 * The timestamp defaults to the wall clock, because receivers check it against theirs.
 */
export function signWebhookPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
