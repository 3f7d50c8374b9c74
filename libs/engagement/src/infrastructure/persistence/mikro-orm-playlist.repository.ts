import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Playlist } from '../../domain/playlists/playlist.js';
import { PlaylistRepository } from '../../domain/playlists/playlist.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class MikroOrmPlaylistRepository extends PlaylistRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  byId(playlistId: string): Promise<Playlist | null> {
    if (!UUID.test(playlistId)) return Promise.resolve(null);
    return this.em.findOne(Playlist, { id: playlistId });
  }

  async watchLaterOf(ownerId: string): Promise<Playlist> {
    const existing = await this.em.findOne(Playlist, { ownerId, kind: 'watch-later' });
    if (existing) return existing;
    const fresh = Playlist.watchLater(ownerId);
    // Two first uses at once meet on the unique index: the loser reads the winner's row.
    await this.em.execute(
      `insert into engagement.playlists (id, owner_id, kind, title, description, visibility, items, created_at, updated_at, version)
       values (?, ?, 'watch-later', ?, '', 'private', '[]'::jsonb, ?::timestamptz, ?::timestamptz, 1) on conflict do nothing`,
      [fresh.id, ownerId, fresh.title, fresh.createdAt.toISOString(), fresh.updatedAt.toISOString()],
    );
    return this.em.findOneOrFail(Playlist, { ownerId, kind: 'watch-later' });
  }

  add(playlist: Playlist): void {
    this.em.persist(playlist);
  }

  remove(playlist: Playlist): void {
    this.em.remove(playlist);
  }
}
