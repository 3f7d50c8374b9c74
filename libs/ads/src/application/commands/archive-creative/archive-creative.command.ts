import { Command } from '@nestjs/cqrs';
import type { CreativeView } from '../../ads-ports.js';

export class ArchiveCreativeCommand extends Command<CreativeView> {
  constructor(readonly creativeId: string) {
    super();
  }
}
