import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { CreatorLedger, PayoutAccountRepository } from '../../domain/tips/tips.repository.js';
import { ConnectProvider } from '../connect-provider.js';

/** Ad shares moved per call, so one creator with a long backlog cannot hold a sweep for long. */
const MAX_TRANSFERS_PER_CALL = 100;

/**
 * Pays creators their settled ad share: each `ad_share` ledger line becomes one transfer to the creator's payout
 * account, where it joins their tips and leaves by the same payouts (held with them: a payout hold makes the
 * account's schedule manual, so money still arrives and nothing leaves). A line waits while the creator has no
 * active account. Each transfer runs in its own transaction under the line's row lock and is keyed by the
 * settlement, so a retry after a lost commit gets the same transfer back and a settlement pays once.
 */
@Injectable()
export class AdShareTransfers {
  private readonly logger = new Logger(AdShareTransfers.name);

  constructor(
    private readonly ledger: CreatorLedger,
    private readonly accounts: PayoutAccountRepository,
    private readonly provider: ConnectProvider,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Transfers the creator's ad shares still awaiting one; returns how many were transferred. */
  async payOutstanding(creatorId: string): Promise<number> {
    let made = 0;
    while (made < MAX_TRANSFERS_PER_CALL && (await this.transferNext(creatorId))) made += 1;
    if (made) this.logger.log({ creatorId, transfers: made }, 'ad share transferred');
    return made;
  }

  /** The periodic safety net: transfers refused or lost earlier, and shares of creators who onboarded since. */
  async sweep(limit = 100): Promise<number> {
    let made = 0;
    for (const creatorId of await this.ledger.creatorsAwaitingAdShareTransfer(limit)) {
      try {
        made += await this.payOutstanding(creatorId);
      } catch (error) {
        this.logger.warn({ err: error as Error, creatorId }, 'ad share transfer failed; retried on the next sweep');
      }
    }
    return made;
  }

  private transferNext(creatorId: string): Promise<boolean> {
    return this.unitOfWork.transactional(async () => {
      const account = await this.accounts.ofCreator(creatorId);
      if (account?.status !== 'active') return false;
      const entry = await this.ledger.nextAdShareAwaitingTransfer(creatorId);
      if (!entry) return false;
      const transferId = await this.provider.createTransfer(
        {
          providerAccountId: account.providerAccountId,
          amount: entry.net,
          currency: entry.currency,
          metadata: { kind: 'ad_share', creatorId, source: entry.sourceKey },
        },
        `ad-share-transfer:${entry.sourceKey}`,
      );
      await this.ledger.markTransferred(entry.id, transferId);
      return true;
    });
  }
}
