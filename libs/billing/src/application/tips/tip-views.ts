import type { PayoutAccount, PayoutHold } from '../../domain/tips/tips.js';

export interface PayoutAccountView {
  status: 'none' | PayoutAccount['status'];
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  payoutsHeld: boolean;
  holdReasons: string[];
}

export function payoutAccountView(account: PayoutAccount | null, holds: PayoutHold[]): PayoutAccountView {
  return {
    status: account?.status ?? 'none',
    chargesEnabled: account?.chargesEnabled ?? false,
    payoutsEnabled: account?.payoutsEnabled ?? false,
    payoutsHeld: holds.length > 0,
    holdReasons: [...new Set(holds.map((hold) => hold.reason))],
  };
}
