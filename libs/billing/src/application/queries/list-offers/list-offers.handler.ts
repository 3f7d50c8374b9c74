import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { OfferRepository } from '../../../domain/offer/offer.repository.js';
import { toOfferView } from '../../offer-views.js';
import { ListOffersQuery } from './list-offers.query.js';

@QueryHandler(ListOffersQuery)
export class ListOffersHandler implements IQueryHandler<ListOffersQuery> {
  constructor(
    private readonly offers: OfferRepository,
    private readonly config: AppConfig,
  ) {}

  async execute({ includeArchived }: ListOffersQuery) {
    const now = new Date();
    return (await this.offers.list(includeArchived)).map((offer) => toOfferView(offer, this.config.urls.app, now));
  }
}
