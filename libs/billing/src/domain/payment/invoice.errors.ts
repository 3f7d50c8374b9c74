import { DomainError } from '@lib/platform/ddd';

export class InvoiceNotFoundError extends DomainError {
  readonly code = 'billing.invoice.not-found';
  readonly kind = 'not-found';
  constructor(invoiceId: string) {
    super('There is no such invoice', { invoiceId });
  }
}
