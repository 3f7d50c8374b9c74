import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, UnitOfWork } from '@lib/platform';
import { CollectionNotFoundError } from '../../../domain/library/library.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { DeleteCollectionCommand } from './delete-collection.command.js';

@CommandHandler(DeleteCollectionCommand)
export class DeleteCollectionHandler implements ICommandHandler<DeleteCollectionCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly library: LibraryRepository,
    private readonly videos: VideoRepository,
  ) {}

  async execute({ userId, collectionId }: DeleteCollectionCommand) {
    const collection = await this.library.collectionById(collectionId);
    if (!collection) throw new CollectionNotFoundError([collectionId]);
    await this.teams.require(userId, collection.channelId, 'editor').catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === 'not-found'
        ? new CollectionNotFoundError([collectionId])
        : error;
    });
    await this.unitOfWork.transactional(async () => {
      // Through each video, so its version guards against a concurrent edit and readers hear of the change.
      for (const video of await this.videos.inCollection(collection.channelId, collectionId))
        video.leaveCollection(collectionId);
      this.library.removeCollection(collection);
    });
    return { deleted: true as const };
  }
}
