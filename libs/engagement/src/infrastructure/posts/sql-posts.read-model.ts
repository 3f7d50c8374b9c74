import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PostsReadModel, type PostAuthor, type PostView } from '../../application/posts/post-views.js';
import type { PostStatus } from '../../domain/posts/post.js';

interface Row {
  id: string;
  author_id: string;
  handle: string | null;
  display_name: string | null;
  avatar_url: string | null;
  body: string | null;
  video_id: string | null;
  status: PostStatus;
  created_at: Date | string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SqlPostsReadModel extends PostsReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async author(userId: string): Promise<PostAuthor | null> {
    const [row] = await this.em.execute<Row[]>(
      `select user_id as author_id, handle, display_name, avatar_url from engagement.people where user_id = ?`,
      [userId],
    );
    return row ? authorOf(row) : null;
  }

  async ofCreator(
    creatorId: string,
    viewerId: string,
    before: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<PostView[]> {
    if (!UUID.test(creatorId)) return [];
    const rows = await this.em.execute<Row[]>(
      `select p.id, p.author_id, pe.handle, pe.display_name, pe.avatar_url, p.body, p.video_id, p.status, p.created_at
         from engagement.posts p
         left join engagement.people pe on pe.user_id = p.author_id
        where p.author_id = ? and p.deleted_at is null
          and (p.status = 'visible' or (p.author_id = ? and p.status in ('held', 'hidden')))
          ${before ? 'and (p.created_at, p.id) < (?::timestamptz, ?::uuid)' : ''}
          and not exists (select 1 from engagement.restrictions r where r.kind = 'block'
            and ((r.owner_id = ? and r.target_id = p.author_id) or (r.owner_id = p.author_id and r.target_id = ?)))
        order by p.created_at desc, p.id desc limit ?`,
      [creatorId, viewerId, ...(before ? [before.at.toISOString(), before.id] : []), viewerId, viewerId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      author: authorOf(row),
      text: row.body,
      videoId: row.video_id,
      status: row.status,
      held: row.status !== 'visible',
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }
}

function authorOf(row: Pick<Row, 'author_id' | 'handle' | 'display_name' | 'avatar_url'>): PostAuthor {
  return { userId: row.author_id, handle: row.handle, displayName: row.display_name, avatarUrl: row.avatar_url };
}
