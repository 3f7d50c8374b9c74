import { Query } from '@nestjs/cqrs';
import type { OfferView } from '../../offer-views.js';

export class ListOffersQuery extends Query<OfferView[]> {
  constructor(readonly includeArchived: boolean) {
    super();
  }
}
