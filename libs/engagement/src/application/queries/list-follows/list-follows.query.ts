import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';

export interface FollowListItem {
  userId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  followedAt: string;
}

export interface FollowListPage extends Page<FollowListItem> {
  total: number;
}

/** Who follows `userId` (`followers`), or whom `userId` follows (`following`), newest first. */
export class ListFollowsQuery extends Query<FollowListPage> {
  constructor(
    readonly userId: string,
    readonly direction: 'followers' | 'following',
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
