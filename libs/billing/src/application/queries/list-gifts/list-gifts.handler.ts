import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { GiftRepository } from '../../../domain/gifts/gift.repository.js';
import { giftView } from '../../gifts/gift-views.js';
import { ListGiftsQuery } from './list-gifts.query.js';

/** The gifts a person bought, newest first, with their codes once paid. */
@QueryHandler(ListGiftsQuery)
export class ListGiftsHandler implements IQueryHandler<ListGiftsQuery> {
  constructor(
    private readonly gifts: GiftRepository,
    private readonly config: AppConfig,
  ) {}

  async execute({ buyerId }: ListGiftsQuery) {
    return { items: (await this.gifts.boughtBy(buyerId)).map((gift) => giftView(gift, this.config.urls.app)) };
  }
}
