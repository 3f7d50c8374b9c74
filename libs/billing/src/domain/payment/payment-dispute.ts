/** A payment's chargeback as the provider reports it; pure rules shared by tips, gifts and subscription payments. */

/** Open until the bank decides; then won (the money comes back) or lost. */
export type DisputeOutcome = 'open' | 'won' | 'lost';

export interface PaymentDispute {
  outcome: DisputeOutcome;
  /** What the bank took while the dispute is open (and kept if it is lost). */
  amount: number;
}

/** Whether the disputed money is gone from the platform now: an open or lost dispute, not a won one. */
export function disputeTakesMoney(dispute: PaymentDispute | null): boolean {
  return dispute !== null && dispute.outcome !== 'won';
}
