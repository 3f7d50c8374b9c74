import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { Series } from '../../../domain/library/library.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { CreateSeriesCommand } from './create-series.command.js';

@CommandHandler(CreateSeriesCommand)
export class CreateSeriesHandler implements ICommandHandler<CreateSeriesCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly library: LibraryRepository,
  ) {}

  async execute({ userId, channelId, title, description }: CreateSeriesCommand) {
    await this.teams.requireToWork(userId, channelId, 'editor');
    const series = new Series(channelId, title, description);
    await this.unitOfWork.transactional(async () => this.library.addSeries(series));
    return { id: series.id, channelId, title, description, createdAt: series.createdAt.toISOString() };
  }
}
