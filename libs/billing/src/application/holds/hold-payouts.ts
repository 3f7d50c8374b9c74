import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ChannelDirectory } from '@lib/studio/contracts';
import { AccountSanctionChangedV1, ContentActionedV1 } from '@lib/trust-safety/contracts';
import { PayoutHolds } from '../tips/payout-holds.js';

/** A suspended or banned creator's payouts are held (tips still arrive) until that sanction is lifted. */
@Injectable()
@IntegrationEventConsumer({ name: 'billing.hold-payouts-on-sanction', on: [AccountSanctionChangedV1] })
export class HoldPayoutsOnSanction implements EventConsumer<AccountSanctionChangedV1> {
  constructor(private readonly holds: PayoutHolds) {}

  async handle({ event }: ConsumerContext<AccountSanctionChangedV1>): Promise<void> {
    if (event.sanction !== 'suspension' && event.sanction !== 'ban') return;
    if (event.change === 'imposed')
      await this.holds.place({
        creatorId: event.userId,
        reason: event.sanction,
        sourceId: event.sanction,
        heldAt: new Date(event.changedAt),
      });
    else await this.holds.release(event.userId, event.sanction, event.sanction);
  }
}

/** A video taken down under a DMCA notice holds its creator's payouts until it is restored (counter-notice). */
@Injectable()
@IntegrationEventConsumer({ name: 'billing.hold-payouts-on-takedown', on: [ContentActionedV1] })
export class HoldPayoutsOnTakedown implements EventConsumer<ContentActionedV1> {
  constructor(
    private readonly holds: PayoutHolds,
    private readonly channels: ChannelDirectory,
  ) {}

  async handle({ event }: ConsumerContext<ContentActionedV1>): Promise<void> {
    if (event.contentType !== 'video') return;
    const takedown = event.action === 'remove' && (event.rule ?? '').startsWith('dmca');
    if (!takedown && event.action !== 'restore') return;
    const video = (await this.channels.videos([event.contentId])).get(event.contentId);
    if (!video) return;
    if (takedown)
      await this.holds.place({
        creatorId: video.ownerId,
        reason: 'dmca',
        sourceId: event.contentId,
        heldAt: new Date(event.decidedAt),
      });
    else await this.holds.release(video.ownerId, 'dmca', event.contentId);
  }
}
