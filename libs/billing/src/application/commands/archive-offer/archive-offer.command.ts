import { Command } from '@nestjs/cqrs';
import type { OfferView } from '../../offer-views.js';

export class ArchiveOfferCommand extends Command<OfferView> {
  constructor(
    readonly offerId: string,
    readonly actorId: string,
  ) {
    super();
  }
}
