import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeKeysetCursor, encodeKeysetCursor, type Page } from '@lib/platform';
import { PostsReadModel, type PostView } from '../../post-views.js';
import { ListCreatorPostsQuery } from './list-creator-posts.query.js';

/** A creator's posts, newest first, keyset-paged on (created_at, id). */
@QueryHandler(ListCreatorPostsQuery)
export class ListCreatorPostsHandler implements IQueryHandler<ListCreatorPostsQuery> {
  constructor(private readonly posts: PostsReadModel) {}

  async execute({ viewerId, creatorId, limit, cursor }: ListCreatorPostsQuery): Promise<Page<PostView>> {
    const rows = await this.posts.ofCreator(creatorId, viewerId, decodeKeysetCursor(cursor), limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return rows.length > limit && last
      ? { items, nextCursor: encodeKeysetCursor(new Date(last.createdAt), last.id) }
      : { items };
  }
}
