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
    await this.insertWatchLater(ownerId);
    return this.em.findOneOrFail(Playlist, { ownerId, kind: 'watch-later' });
  }

  async itemState(ownerId: string, playlist: { watchLater: true } | { id: string }, videoId: string) {
    if ('id' in playlist && !UUID.test(playlist.id)) return null;
    if ('watchLater' in playlist) await this.insertWatchLater(ownerId);
    // Raw SQL on purpose: an entity loaded here would be the stale copy the later transaction works on.
    const rows = await this.em.execute<Array<{ id: string; present: boolean }>>(
      `select id, items @> ?::jsonb as present from engagement.playlists where owner_id = ? and ${
        'id' in playlist ? 'id = ?' : `kind = 'watch-later'`
      }`,
      [JSON.stringify([{ videoId }]), ownerId, ...('id' in playlist ? [playlist.id] : [])],
    );
    return rows.length ? { playlistId: rows[0].id, present: Boolean(rows[0].present) } : null;
  }

  private async insertWatchLater(ownerId: string): Promise<void> {
    const fresh = Playlist.watchLater(ownerId);
    // Two first uses at once meet on the unique index: the loser reads the winner's row.
    await this.em.execute(
      `insert into engagement.playlists (id, owner_id, kind, title, description, visibility, items, created_at, updated_at, version)
       values (?, ?, 'watch-later', ?, '', 'private', '[]'::jsonb, ?::timestamptz, ?::timestamptz, 1) on conflict do nothing`,
      [fresh.id, ownerId, fresh.title, fresh.createdAt.toISOString(), fresh.updatedAt.toISOString()],
    );
  }

  add(playlist: Playlist): void {
    this.em.persist(playlist);
  }

  remove(playlist: Playlist): void {
    this.em.remove(playlist);
  }
}
