import { Command } from '@nestjs/cqrs';
import type { OfferInput } from '../../../domain/offer/offer.js';
import type { OfferView } from '../../offer-views.js';

export class CreateOfferCommand extends Command<OfferView> {
  constructor(
    readonly actorId: string,
    readonly input: OfferInput,
  ) {
    super();
  }
}
