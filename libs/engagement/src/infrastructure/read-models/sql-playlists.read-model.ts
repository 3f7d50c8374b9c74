import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlaylistSummary } from '../../application/queries/list-playlists/list-playlists.query.js';
import { PlaylistsReadModel } from '../../application/read-models/playlists.read-model.js';

@Injectable()
export class SqlPlaylistsReadModel extends PlaylistsReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async ownedBy(ownerId: string): Promise<PlaylistSummary[]> {
    const rows = await this.em.execute<
      Array<{
        id: string;
        kind: string;
        title: string;
        visibility: string;
        item_count: number;
        updated_at: Date | string;
      }>
    >(
      `select p.id, p.kind, p.title, p.visibility, p.updated_at,
              (select count(*)::int from jsonb_array_elements(p.items) item
                 join engagement.watchable_videos v on v.video_id = (item->>'videoId')::uuid and v.status = 'published') as item_count
         from engagement.playlists p
        where p.owner_id = ?
        order by (p.kind = 'watch-later') desc, p.created_at desc, p.id desc`,
      [ownerId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      visibility: row.visibility,
      itemCount: Number(row.item_count),
      updatedAt: new Date(row.updated_at).toISOString(),
    }));
  }
}
