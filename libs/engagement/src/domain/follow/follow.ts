import { AggregateRoot, newId } from '@lib/platform/ddd';
import { CannotFollowSelfError } from './follow.errors.js';
import { UserFollowed, UserUnfollowed } from './follow.events.js';

/**
 * One person following another. The row outlives an unfollow (`endedAt`), so following again is
 * the same relationship resumed and each change is announced once.
 */
export class Follow extends AggregateRoot {
  readonly id: string;
  readonly followerId: string;
  readonly followeeId: string;
  followedAt: Date;
  endedAt: Date | null = null;

  private constructor(followerId: string, followeeId: string) {
    super();
    this.id = newId();
    this.followerId = followerId;
    this.followeeId = followeeId;
    this.followedAt = new Date();
  }

  static start(followerId: string, followeeId: string): Follow {
    if (followerId === followeeId) throw new CannotFollowSelfError();
    const follow = new Follow(followerId, followeeId);
    follow.record(new UserFollowed(follow.id, followerId, followeeId));
    return follow;
  }

  get active(): boolean {
    return this.endedAt === null;
  }

  /** Following again after an unfollow; nothing happens when already following. */
  resume(): boolean {
    if (this.active) return false;
    this.endedAt = null;
    this.followedAt = new Date();
    this.record(new UserFollowed(this.id, this.followerId, this.followeeId));
    return true;
  }

  end(): boolean {
    if (!this.active) return false;
    this.endedAt = new Date();
    this.record(new UserUnfollowed(this.id, this.followerId, this.followeeId));
    return true;
  }
}
