import type { RestrictionKind } from '../../domain/restriction/restriction.js';

export interface FollowListRow {
  id: string;
  userId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  followedAt: Date;
}

export interface RestrictedPerson {
  userId: string;
  handle: string;
  displayName: string;
  since: string;
}

/** Views of who follows, blocks and mutes whom. */
export abstract class SocialGraphReadModel {
  /** Followers (`followers`) or followees (`following`) of a user, newest first, after the keyset position. */
  abstract follows(
    userId: string,
    direction: 'followers' | 'following',
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<FollowListRow[]>;
  abstract countFollowers(userId: string): Promise<number>;
  abstract countFollowing(userId: string): Promise<number>;
  /** The owner's blocks or mutes, newest first. */
  abstract restrictedBy(ownerId: string, kind: RestrictionKind): Promise<RestrictedPerson[]>;
  /** Current followers of a user in id order, after `afterFollowerId` (null: from the start). */
  abstract followerIds(followeeId: string, afterFollowerId: string | null, limit: number): Promise<string[]>;
}
