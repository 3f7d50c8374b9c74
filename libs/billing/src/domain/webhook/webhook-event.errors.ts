import { DomainError } from '@lib/platform/ddd';

export class InvalidWebhookSignatureError extends DomainError {
  readonly code = 'billing.webhook.invalid-signature';
  readonly kind = 'invalid';
}

export class WebhookNotFoundError extends DomainError {
  readonly code = 'billing.webhook.not-found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('There is no such webhook event', { id });
  }
}

/**
 * An event names something we cannot place yet (a customer no user is linked to, a payment whose
 * invoice has not arrived). The event waits as `unresolved` and is retried when that changes.
 */
export class UnresolvedReferenceError extends Error {
  constructor(
    readonly reference: 'customer' | 'payment' | 'price',
    readonly providerId: string,
  ) {
    super(`unknown ${reference} ${providerId}`);
    this.name = 'UnresolvedReferenceError';
  }
}
