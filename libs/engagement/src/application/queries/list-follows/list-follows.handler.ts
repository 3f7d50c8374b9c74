import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { People } from '../../people.js';
import { SocialGraphReadModel } from '../../read-models/social-graph.read-model.js';
import { ListFollowsQuery, type FollowListItem } from './list-follows.query.js';

/** Keyset paging on (followed_at, id), newest first: stable while people follow and unfollow. */
@QueryHandler(ListFollowsQuery)
export class ListFollowsHandler implements IQueryHandler<ListFollowsQuery> {
  constructor(
    private readonly socialGraph: SocialGraphReadModel,
    private readonly people: People,
  ) {}

  async execute({ userId, direction, limit, cursor }: ListFollowsQuery) {
    await this.people.require(userId);
    const rows = await this.socialGraph.follows(userId, direction, limit + 1, decodeKeysetCursor(cursor));
    const items: FollowListItem[] = rows.slice(0, limit).map((row) => ({
      userId: row.userId,
      handle: row.handle,
      displayName: row.displayName,
      avatarUrl: row.avatarUrl,
      followedAt: row.followedAt.toISOString(),
    }));
    const last = rows[limit - 1];
    const total =
      direction === 'followers'
        ? await this.socialGraph.countFollowers(userId)
        : await this.socialGraph.countFollowing(userId);
    return {
      items,
      total,
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.followedAt, last.id) : undefined,
    };
  }
}
