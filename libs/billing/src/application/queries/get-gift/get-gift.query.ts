import { Query } from '@nestjs/cqrs';
import type { GiftPreview } from '../../gifts/gift-views.js';

export class GetGiftQuery extends Query<GiftPreview> {
  constructor(readonly code: string) {
    super();
  }
}
