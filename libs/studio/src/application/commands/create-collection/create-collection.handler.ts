import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { Collection, CollectionNameTakenError } from '../../../domain/library/library.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { PersistenceScope } from '../../persistence-scope.js';
import { CreateCollectionCommand } from './create-collection.command.js';

@CommandHandler(CreateCollectionCommand)
export class CreateCollectionHandler implements ICommandHandler<CreateCollectionCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly library: LibraryRepository,
    private readonly persistence: PersistenceScope,
  ) {}

  async execute({ userId, channelId, name }: CreateCollectionCommand) {
    await this.teams.requireToWork(userId, channelId, 'editor');
    const collection = new Collection(channelId, name);
    try {
      await this.unitOfWork.transactional(async () => this.library.addCollection(collection));
    } catch (error) {
      if (this.persistence.isUniqueViolation(error)) throw new CollectionNameTakenError(name);
      throw error;
    }
    return { id: collection.id, channelId, name, createdAt: collection.createdAt.toISOString() };
  }
}
