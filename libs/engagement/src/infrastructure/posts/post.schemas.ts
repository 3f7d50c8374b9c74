import { EntitySchema } from '@mikro-orm/postgresql';
import { Post } from '../../domain/posts/post.js';

/** The post aggregate's mapping (its events reach the outbox on flush); the feed's tables are SQL-only. */
export const PostSchema = new EntitySchema<Post>({
  class: Post as unknown as new () => Post,
  schema: 'engagement',
  tableName: 'posts',
  indexes: [
    {
      name: 'posts_author_idx',
      expression: 'create index posts_author_idx on engagement.posts (author_id, created_at desc, id desc)',
    },
    {
      name: 'posts_public_idx',
      expression:
        "create index posts_public_idx on engagement.posts (created_at desc, id desc) where status = 'visible' and deleted_at is null",
    },
  ],
  checks: [{ name: 'posts_status_check', expression: "status in ('visible', 'held', 'hidden', 'removed')" }],
  properties: {
    id: { type: 'uuid', primary: true },
    authorId: { type: 'uuid' },
    body: { type: 'text', nullable: true },
    videoId: { type: 'uuid', nullable: true },
    status: { type: 'text' },
    createdAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', nullable: true },
    announcedAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  } as never, // getters (isPublic) are computed, not columns
});

export const FEED_ENTITIES = [PostSchema];
export const FEED_SQL_ONLY_TABLES = ['engagement.feed_inbox', 'engagement.feed_big_creators'];
