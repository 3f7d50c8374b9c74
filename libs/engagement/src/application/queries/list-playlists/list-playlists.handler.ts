import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { PlaylistsReadModel } from '../../read-models/playlists.read-model.js';
import { ListPlaylistsQuery } from './list-playlists.query.js';

@QueryHandler(ListPlaylistsQuery)
export class ListPlaylistsHandler implements IQueryHandler<ListPlaylistsQuery> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly readModel: PlaylistsReadModel,
  ) {}

  async execute({ userId }: ListPlaylistsQuery) {
    await this.playlists.watchLaterOf(userId); // every person has one, from their first look
    return { items: await this.readModel.ownedBy(userId) };
  }
}
