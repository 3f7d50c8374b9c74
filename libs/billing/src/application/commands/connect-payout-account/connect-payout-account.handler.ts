import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { PayoutAccountRepository } from '../../../domain/tips/tips.repository.js';
import { ConnectProvider } from '../../connect-provider.js';
import { PayoutHolds } from '../../tips/payout-holds.js';
import { payoutAccountView } from '../../tips/tip-views.js';
import { ConnectPayoutAccountCommand } from './connect-payout-account.command.js';

/**
 * Creates the creator's Express account once (idempotency key per creator) and hands out a fresh onboarding link;
 * the account's status then follows its account.updated events.
 */
@CommandHandler(ConnectPayoutAccountCommand)
export class ConnectPayoutAccountHandler implements ICommandHandler<ConnectPayoutAccountCommand> {
  constructor(
    private readonly accounts: PayoutAccountRepository,
    private readonly provider: ConnectProvider,
    private readonly holds: PayoutHolds,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ creatorId }: ConnectPayoutAccountCommand) {
    let account = await this.accounts.ofCreator(creatorId);
    if (!account) {
      const providerAccountId = await this.provider.createExpressAccount(
        { creatorId, email: null },
        `connect-account:${creatorId}`,
      );
      const now = new Date();
      account = {
        creatorId,
        providerAccountId,
        status: 'onboarding',
        chargesEnabled: false,
        payoutsEnabled: false,
        detailsSubmitted: false,
        createdAt: now,
        updatedAt: now,
      };
      const created = account;
      await this.unitOfWork.transactional(async () => {
        await this.accounts.save(created);
        // A creator already under a hold starts with payouts held.
        await this.holds.align(creatorId);
      });
    }
    const base = `${this.config.urls.app}/studio/payouts`;
    const onboardingUrl = await this.provider.onboardingLink(
      account.providerAccountId,
      `${base}?onboarding=done`,
      `${base}?onboarding=refresh`,
    );
    return { ...payoutAccountView(account, await this.holds.heldFor(creatorId)), onboardingUrl };
  }
}
