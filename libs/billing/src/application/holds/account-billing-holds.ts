import { Injectable } from '@nestjs/common';
import { AccountBillingHold, type AccountBillingHoldView } from '../../contracts/account-billing-hold.js';
import { AccountHoldRepository } from '../../domain/hold/account-hold.js';

/** The contract port, answered from billing's holds. */
@Injectable()
export class AccountBillingHolds extends AccountBillingHold {
  constructor(private readonly holds: AccountHoldRepository) {
    super();
  }

  async holdOf(userId: string): Promise<AccountBillingHoldView | null> {
    const hold = await this.holds.of(userId);
    return hold ? { ...hold, heldSince: hold.heldSince.toISOString() } : null;
  }
}
