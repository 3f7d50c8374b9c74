import { Query } from '@nestjs/cqrs';
import type { GiftView } from '../../gifts/gift-views.js';

export class ListGiftsQuery extends Query<{ items: GiftView[] }> {
  constructor(readonly buyerId: string) {
    super();
  }
}
