import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Playlists } from '../../playlists/playlist-views.js';
import { GetPlaylistQuery } from './get-playlist.query.js';

@QueryHandler(GetPlaylistQuery)
export class GetPlaylistHandler implements IQueryHandler<GetPlaylistQuery> {
  constructor(private readonly playlists: Playlists) {}

  async execute({ userId, playlistRef }: GetPlaylistQuery) {
    return this.playlists.view(await this.playlists.visible(userId, playlistRef));
  }
}
