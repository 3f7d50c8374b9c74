import { Injectable, Logger } from '@nestjs/common';
import { newId } from '@lib/platform/ddd';
import type { PayoutHold, PayoutHoldReason } from '../../domain/tips/tips.js';
import { PayoutAccountRepository, PayoutHoldRepository } from '../../domain/tips/tips.repository.js';
import { ConnectProvider } from '../connect-provider.js';

/**
 * A creator's payouts are held while any hold row exists: the connected account's payout schedule is set to manual
 * at Stripe (tips keep arriving in its balance, nothing leaves it), and back to daily when the last hold goes.
 */
@Injectable()
export class PayoutHolds {
  private readonly logger = new Logger(PayoutHolds.name);

  constructor(
    private readonly holds: PayoutHoldRepository,
    private readonly accounts: PayoutAccountRepository,
    private readonly provider: ConnectProvider,
  ) {}

  async place(hold: PayoutHold): Promise<void> {
    if (await this.holds.place(hold)) await this.align(hold.creatorId);
  }

  async release(creatorId: string, reason: PayoutHoldReason, sourceId: string): Promise<void> {
    if (await this.holds.release(creatorId, reason, sourceId)) await this.align(creatorId);
  }

  async heldFor(creatorId: string): Promise<PayoutHold[]> {
    return this.holds.of(creatorId);
  }

  /** Makes the provider's payout schedule match our holds (also called when the account changes). */
  async align(creatorId: string): Promise<void> {
    const account = await this.accounts.ofCreator(creatorId);
    if (!account) return;
    const held = (await this.holds.of(creatorId)).length > 0;
    const state = await this.provider.retrieveAccount(account.providerAccountId);
    if (state.payoutsManual === held) return;
    // The schedule change is itself idempotent; a fresh key per change keeps hold → release → hold from replaying.
    await this.provider.setPayoutsHeld(account.providerAccountId, held, `payout-schedule:${newId()}`);
    this.logger.log({ creatorId, held }, held ? 'creator payouts held' : 'creator payouts released');
  }
}
