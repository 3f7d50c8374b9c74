import { Command } from '@nestjs/cqrs';
import type { TemplateDefaults } from '../../../domain/library/library.js';

export class CreateTemplateCommand extends Command<{
  id: string;
  channelId: string;
  name: string;
  defaults: TemplateDefaults;
  createdAt: string;
}> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly name: string,
    readonly defaults: Partial<TemplateDefaults>,
  ) {
    super();
  }
}
