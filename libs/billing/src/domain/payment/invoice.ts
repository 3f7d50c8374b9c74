import { AggregateRoot, newId } from '@lib/platform/ddd';
import { InvoicePaid, InvoicePaymentFailed } from './invoice.events.js';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

/** How far an invoice has come; a snapshot never moves an invoice back to a lower rank. */
const RANK: Record<InvoiceStatus, number> = { draft: 0, open: 1, uncollectible: 2, void: 3, paid: 3 };

export interface ProviderInvoiceState {
  providerInvoiceId: string;
  providerCustomerId: string;
  providerSubscriptionId: string | null;
  number: string | null;
  status: InvoiceStatus;
  amountDue: number;
  amountPaid: number;
  currency: string;
  billingReason: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  hostedUrl: string | null;
  pdfUrl: string | null;
  attemptCount: number;
  nextPaymentAttempt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
}

/** An invoice the provider issued to one of our customers (a local copy for history and dunning). */
export class Invoice extends AggregateRoot {
  readonly id: string;
  readonly userId: string;
  readonly providerInvoiceId: string;
  subscriptionId: string | null;
  providerSubscriptionId: string | null;
  number: string | null = null;
  status!: InvoiceStatus;
  amountDue = 0;
  amountPaid = 0;
  currency!: string;
  billingReason: string | null = null;
  periodStart: Date | null = null;
  periodEnd: Date | null = null;
  hostedUrl: string | null = null;
  pdfUrl: string | null = null;
  attemptCount = 0;
  /** Attempts whose failure has been reported (each failed attempt is announced once). */
  failuresReported = 0;
  nextPaymentAttempt: Date | null = null;
  paidAt: Date | null = null;
  issuedAt!: Date;
  updatedAt: Date;

  private constructor(userId: string, providerInvoiceId: string, subscriptionId: string | null) {
    super();
    this.id = newId();
    this.userId = userId;
    this.providerInvoiceId = providerInvoiceId;
    this.subscriptionId = subscriptionId;
    this.providerSubscriptionId = null;
    this.updatedAt = new Date();
  }

  static fromProvider(userId: string, subscriptionId: string | null, state: ProviderInvoiceState): Invoice {
    const invoice = new Invoice(userId, state.providerInvoiceId, subscriptionId);
    invoice.copy(state);
    if (invoice.status === 'paid') invoice.record(new InvoicePaid(invoice.id));
    return invoice;
  }

  /** Applies a snapshot unless it is behind the state held; returns whether anything changed. */
  applyProviderState(state: ProviderInvoiceState, subscriptionId: string | null): boolean {
    if (RANK[state.status] < RANK[this.status]) return false;
    if (RANK[state.status] === RANK[this.status] && state.attemptCount < this.attemptCount) return false;
    const becamePaid = state.status === 'paid' && this.status !== 'paid';
    const before = JSON.stringify(this.snapshotFields());
    this.copy(state);
    this.subscriptionId = subscriptionId ?? this.subscriptionId;
    if (JSON.stringify(this.snapshotFields()) === before) return false;
    this.updatedAt = new Date();
    if (becamePaid) this.record(new InvoicePaid(this.id));
    return true;
  }

  /** A collection attempt failed; announced once per attempt, and never for an invoice already settled. */
  reportPaymentFailure(attempt: number, nextPaymentAttempt: Date | null, accessUntil: Date | null): boolean {
    if (this.status === 'paid' || this.status === 'void' || attempt <= this.failuresReported) return false;
    this.failuresReported = attempt;
    this.attemptCount = Math.max(this.attemptCount, attempt);
    this.nextPaymentAttempt = nextPaymentAttempt;
    this.updatedAt = new Date();
    this.record(new InvoicePaymentFailed(this.id, this.userId, attempt, nextPaymentAttempt, accessUntil));
    return true;
  }

  private snapshotFields() {
    return [
      this.status,
      this.number,
      this.amountDue,
      this.amountPaid,
      this.attemptCount,
      this.nextPaymentAttempt?.getTime(),
      this.hostedUrl,
      this.pdfUrl,
      this.subscriptionId,
    ];
  }

  private copy(state: ProviderInvoiceState): void {
    this.providerSubscriptionId = state.providerSubscriptionId;
    this.number = state.number;
    this.status = state.status;
    this.amountDue = state.amountDue;
    this.amountPaid = state.amountPaid;
    this.currency = state.currency;
    this.billingReason = state.billingReason;
    this.periodStart = state.periodStart;
    this.periodEnd = state.periodEnd;
    this.hostedUrl = state.hostedUrl;
    this.pdfUrl = state.pdfUrl;
    this.attemptCount = Math.max(this.attemptCount, state.attemptCount);
    this.nextPaymentAttempt = state.nextPaymentAttempt;
    this.paidAt = state.paidAt ?? this.paidAt;
    this.issuedAt = state.createdAt;
  }
}
