import { Command } from '@nestjs/cqrs';
import type { AdvertiserView } from '../../ads-ports.js';

export class CreateAdvertiserCommand extends Command<AdvertiserView> {
  constructor(readonly name: string) {
    super();
  }
}
