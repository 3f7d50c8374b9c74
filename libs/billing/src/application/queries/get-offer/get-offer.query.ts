import { Query } from '@nestjs/cqrs';
import type { PublicOfferView } from '../../offer-views.js';

export class GetOfferQuery extends Query<PublicOfferView> {
  constructor(readonly code: string) {
    super();
  }
}
