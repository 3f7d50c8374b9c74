import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { AccountDirectory } from '@lib/identity/contracts';
import { ChannelDirectory } from '@lib/studio/contracts';
import { ContentScreening } from '@lib/trust-safety/contracts';
import { assertReturnUrl } from '../../../domain/checkout/return-url.js';
import { assertTipAmount, splitTip } from '../../../domain/tips/tips.js';
import {
  CreatorNotPayableError,
  SelfTipError,
  TipCreatorNotFoundError,
  TipMessageNotAllowedError,
  TipTargetInvalidError,
  TipVideoNotFoundError,
} from '../../../domain/tips/tips.errors.js';
import { PayoutAccountRepository, TipRepository } from '../../../domain/tips/tips.repository.js';
import { ConnectProvider } from '../../connect-provider.js';
import { StartTipCommand } from './start-tip.command.js';

/**
 * A fan tips a creator (or a video, whose channel owner is tipped): a one-off Checkout payment whose commission is
 * the platform's application fee and whose rest goes to the creator's connected account. The tip is recorded
 * pending; webhooks settle it.
 */
@CommandHandler(StartTipCommand)
export class StartTipHandler implements ICommandHandler<StartTipCommand> {
  constructor(
    private readonly accounts: PayoutAccountRepository,
    private readonly tips: TipRepository,
    private readonly provider: ConnectProvider,
    private readonly channels: ChannelDirectory,
    private readonly people: AccountDirectory,
    private readonly screening: ContentScreening,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ fanId, target, amount, message, returnTo }: StartTipCommand) {
    const limits = this.config.billing.tips;
    if ((target.creatorId ? 1 : 0) + (target.videoId ? 1 : 0) !== 1) throw new TipTargetInvalidError();
    assertTipAmount(amount, limits);
    const origins = this.config.urls.returnOrigins;
    const successUrl = returnTo.successUrl
      ? assertReturnUrl('successUrl', returnTo.successUrl, origins)
      : `${this.config.urls.app}/tips/thanks?session_id={CHECKOUT_SESSION_ID}`;
    const cancelUrl = returnTo.cancelUrl
      ? assertReturnUrl('cancelUrl', returnTo.cancelUrl, origins)
      : `${this.config.urls.app}/tips/canceled`;

    const creatorId = await this.creatorOf(fanId, target);
    if (creatorId === fanId) throw new SelfTipError();
    const account = await this.accounts.ofCreator(creatorId);
    if (!account || account.status !== 'active') throw new CreatorNotPayableError(creatorId);

    const text = message?.trim() || null;
    if (text) {
      // Throws ContentRefusedError on refuse; a message that would need review is not sent at all.
      const verdict = await this.screening.screen({ surface: 'message', authorId: fanId, text });
      if (verdict.action !== 'allow' && verdict.action !== 'flag') throw new TipMessageNotAllowedError(verdict.rule);
    }

    const tipId = newId();
    const { commission } = splitTip(amount, limits.commissionPercent);
    const session = await this.provider.createTipCheckout(
      {
        tipId,
        fanId,
        creatorId,
        providerAccountId: account.providerAccountId,
        amount,
        commission,
        currency: limits.currency,
        description: target.videoId ? 'Tip for a video' : 'Tip for a creator',
        successUrl,
        cancelUrl,
      },
      `tip:${tipId}`,
    );
    await this.unitOfWork.transactional(() =>
      this.tips.add({
        id: tipId,
        fanId,
        creatorId,
        videoId: target.videoId ?? null,
        amount,
        commission,
        currency: limits.currency,
        message: text,
        status: 'pending',
        checkoutSessionId: session.sessionId,
        paymentIntentId: null,
        transferId: null,
        creatorReversed: 0,
        paidAt: null,
        createdAt: new Date(),
      }),
    );
    return { tipId, checkoutUrl: session.url, creatorId, amount, commission, currency: limits.currency };
  }

  private async creatorOf(fanId: string, target: { creatorId?: string; videoId?: string }): Promise<string> {
    if (target.videoId) {
      const video = await this.channels.videoVisibleTo(target.videoId, fanId);
      if (!video) throw new TipVideoNotFoundError(target.videoId);
      return video.ownerId;
    }
    const creatorId = target.creatorId!;
    if (!(await this.people.accountOf(creatorId))) throw new TipCreatorNotFoundError(creatorId);
    return creatorId;
  }
}
