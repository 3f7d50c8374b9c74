import { Command } from '@nestjs/cqrs';

export class DeleteTemplateCommand extends Command<{ deleted: true }> {
  constructor(
    readonly userId: string,
    readonly templateId: string,
  ) {
    super();
  }
}
