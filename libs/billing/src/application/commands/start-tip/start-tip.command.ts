import { Command } from '@nestjs/cqrs';

export interface StartTipResult {
  tipId: string;
  checkoutUrl: string;
  creatorId: string;
  amount: number;
  commission: number;
  currency: string;
}

export class StartTipCommand extends Command<StartTipResult> {
  constructor(
    readonly fanId: string,
    readonly target: { creatorId?: string; videoId?: string },
    readonly amount: number,
    readonly message: string | null,
    readonly returnTo: { successUrl?: string; cancelUrl?: string } = {},
  ) {
    super();
  }
}
