import { Follow } from '../domain/follow/follow.js';
import { Restriction } from '../domain/restriction/restriction.js';

/** `aFollow().from(fan).to(creator).build()`; `.ended()` for an unfollow. */
export class FollowBuilder {
  private followerId = 'user-ann';
  private followeeId = 'user-bob';
  private isEnded = false;

  from(followerId: string): this {
    this.followerId = followerId;
    return this;
  }

  to(followeeId: string): this {
    this.followeeId = followeeId;
    return this;
  }

  ended(): this {
    this.isEnded = true;
    return this;
  }

  build(): Follow {
    const follow = Follow.start(this.followerId, this.followeeId);
    if (this.isEnded) follow.end();
    follow.pullDomainEvents();
    return follow;
  }
}

export const aFollow = () => new FollowBuilder();

/** `ownerId` blocks `targetId` (all contact stops, both ways). */
export const aBlock = (ownerId: string, targetId: string) => new Restriction(ownerId, targetId, 'block');

/** `ownerId` mutes `targetId` (hidden from them only). */
export const aMute = (ownerId: string, targetId: string) => new Restriction(ownerId, targetId, 'mute');
