import Stripe from 'stripe';
import { signWebhookPayload } from './webhook-signing.js';

const verifier = new Stripe('sk_test_verifier');

describe('webhook signatures', () => {
  it('are accepted by stripe.webhooks.constructEvent and rejected after a one-byte change', () => {
    const secret = 'whsec_test_secret';
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'invoice.paid',
      data: { object: { id: 'in_1' } },
    });
    const header = signWebhookPayload(payload, secret);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifier.webhooks.constructEvent(payload, header, secret).id).toBe('evt_1');

    const tampered = payload.replace('in_1', 'in_2');
    expect(() => verifier.webhooks.constructEvent(tampered, header, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => verifier.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signWebhookPayload(payload, secret, Math.floor(Date.now() / 1000) - 3600);
    expect(() => verifier.webhooks.constructEvent(payload, stale, secret)).toThrow(/timestamp outside the tolerance/i);
  });
});
