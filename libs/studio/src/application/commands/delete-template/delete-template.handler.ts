import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, UnitOfWork } from '@lib/platform';
import { TemplateNotFoundError } from '../../../domain/library/library.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { DeleteTemplateCommand } from './delete-template.command.js';

@CommandHandler(DeleteTemplateCommand)
export class DeleteTemplateHandler implements ICommandHandler<DeleteTemplateCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly library: LibraryRepository,
  ) {}

  async execute({ userId, templateId }: DeleteTemplateCommand) {
    const template = await this.library.templateById(templateId);
    if (!template) throw new TemplateNotFoundError(templateId);
    await this.teams.require(userId, template.channelId, 'editor').catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === 'not-found' ? new TemplateNotFoundError(templateId) : error;
    });
    await this.unitOfWork.transactional(async () => this.library.removeTemplate(template));
    return { deleted: true as const };
  }
}
