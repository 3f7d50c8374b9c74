import { Command } from '@nestjs/cqrs';
import type { CreativeInput } from '../../../domain/index.js';
import type { CreativeView } from '../../ads-ports.js';

export class CreateCreativeCommand extends Command<CreativeView> {
  constructor(
    readonly campaignId: string,
    readonly input: CreativeInput,
  ) {
    super();
  }
}
