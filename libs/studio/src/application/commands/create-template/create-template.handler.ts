import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ContentTemplate, type TemplateDefaults } from '../../../domain/library/library.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { assertTimeZone } from '../../../domain/video/schedule.js';
import { InvalidAccessLevelError, InvalidScheduleTimeError } from '../../../domain/video/video.errors.js';
import { ACCESS_LEVELS } from '../../../domain/video/video.js';
import { ChannelTeams } from '../../channel-teams.js';
import { CreateTemplateCommand } from './create-template.command.js';

@CommandHandler(CreateTemplateCommand)
export class CreateTemplateHandler implements ICommandHandler<CreateTemplateCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly library: LibraryRepository,
  ) {}

  async execute({ userId, channelId, name, defaults }: CreateTemplateCommand) {
    await this.teams.requireToWork(userId, channelId, 'editor');
    if (defaults.timeZone) assertTimeZone(defaults.timeZone);
    if (defaults.publishTimeOfDay && !/^([01]\d|2[0-3]):[0-5]\d$/.test(defaults.publishTimeOfDay))
      throw new InvalidScheduleTimeError(defaults.publishTimeOfDay);
    if (defaults.accessLevel && !ACCESS_LEVELS.includes(defaults.accessLevel)) {
      throw new InvalidAccessLevelError(`Unknown access level "${defaults.accessLevel}"`, { allowed: ACCESS_LEVELS });
    }
    const full: TemplateDefaults = {
      description: defaults.description ?? null,
      tags: defaults.tags ?? [],
      category: defaults.category ?? null,
      language: defaults.language ?? null,
      accessLevel: defaults.accessLevel ?? null,
      earlyAccessDays: defaults.earlyAccessDays ?? null,
      publishTimeOfDay: defaults.publishTimeOfDay ?? null,
      timeZone: defaults.timeZone ?? null,
    };
    const template = new ContentTemplate(channelId, name, full);
    await this.unitOfWork.transactional(async () => this.library.addTemplate(template));
    return { id: template.id, channelId, name, defaults: full, createdAt: template.createdAt.toISOString() };
  }
}
