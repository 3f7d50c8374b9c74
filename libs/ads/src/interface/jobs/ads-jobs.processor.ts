import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { OnJob } from '@lib/platform';
import { SettleAdRevenueCommand } from '../../application/commands/settle-ad-revenue/settle-ad-revenue.command.js';

export const ADS_QUEUE = 'ads.maintenance';

/** Creators' ad revenue shares are settled every AD_SETTLEMENT_INTERVAL_MINUTES (one schedule however many workers). */
@Injectable()
export class AdsJobs {
  constructor(private readonly commands: CommandBus) {}

  @OnJob({
    queue: ADS_QUEUE,
    name: 'settle-revenue',
    attempts: 1,
    timeout: 10 * 60_000,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
    repeat: (config) => ({ every: config.ads.settlementIntervalMs, jobId: 'ads-settle-revenue' }),
  })
  settleRevenue(): Promise<unknown> {
    return this.commands.execute(new SettleAdRevenueCommand());
  }
}
