import { Command } from '@nestjs/cqrs';
import type { PayoutAccountView } from '../../tips/tip-views.js';

export class ConnectPayoutAccountCommand extends Command<PayoutAccountView & { onboardingUrl: string }> {
  constructor(readonly creatorId: string) {
    super();
  }
}
