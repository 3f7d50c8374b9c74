import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '@lib/trust-safety/contracts';
import { OfferNotFoundError } from '../../../domain/offer/offer.errors.js';
import { OfferRepository } from '../../../domain/offer/offer.repository.js';
import { toOfferView } from '../../offer-views.js';
import { PaymentProvider } from '../../payment-provider.js';
import { ArchiveOfferCommand } from './archive-offer.command.js';

/** Withdraws an offer: new checkouts are refused, its promotion code is deactivated, subscribers keep their discount. */
@CommandHandler(ArchiveOfferCommand)
export class ArchiveOfferHandler implements ICommandHandler<ArchiveOfferCommand> {
  constructor(
    private readonly offers: OfferRepository,
    private readonly provider: PaymentProvider,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async execute({ offerId, actorId }: ArchiveOfferCommand) {
    const offer = await this.offers.byId(offerId);
    if (!offer) throw new OfferNotFoundError(offerId);
    if (offer.providerPromotionCodeId && !offer.isArchived)
      await this.provider.deactivatePromotionCode(offer.providerPromotionCodeId, `offer-archive:${offer.id}`);
    await this.unitOfWork.transactional(async () => {
      if (!offer.archive()) return;
      await this.offers.save(offer);
      await this.audit.record({ actorId, action: 'billing.offer.archived', target: { type: 'offer', id: offer.id } });
    });
    return toOfferView(offer, this.config.urls.app);
  }
}
