import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { OfferNotFoundError } from '../../../domain/offer/offer.errors.js';
import { OfferRepository } from '../../../domain/offer/offer.repository.js';
import { toPublicOfferView } from '../../offer-views.js';
import { GetOfferQuery } from './get-offer.query.js';

/** A shared code's landing page data; an unusable offer is still described (with why), an unknown code is 404. */
@QueryHandler(GetOfferQuery)
export class GetOfferHandler implements IQueryHandler<GetOfferQuery> {
  constructor(
    private readonly offers: OfferRepository,
    private readonly config: AppConfig,
  ) {}

  async execute({ code }: GetOfferQuery) {
    const offer = await this.offers.byCode(code);
    if (!offer) throw new OfferNotFoundError(code);
    return toPublicOfferView(offer, this.config.urls.app);
  }
}
