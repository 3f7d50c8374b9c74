import { InMemoryTable } from '@lib/platform/testing/in-memory';
import type { DirectMessagePolicy } from '../domain/messaging/conversation.js';
import { MessagingSettings } from '../domain/messaging/message.js';
import { FollowRepository, type Follow } from '../domain/social-graph/follow.js';
import { RestrictionRepository, type Restriction, type RestrictionKind } from '../domain/social-graph/restriction.js';

// Same contracts as the MikroORM repositories in infrastructure/; rows persist when the unit of work commits.

export class InMemoryFollowRepository extends FollowRepository {
  readonly follows = new InMemoryTable<Follow>('engagement.follows', { id: (follow) => follow.id, pair: (follow) => `${follow.followerId}->${follow.followeeId}` });

  async between(followerId: string, followeeId: string) {
    return this.follows.find((follow) => follow.followerId === followerId && follow.followeeId === followeeId);
  }
  add(follow: Follow) {
    this.follows.insert(follow);
  }
}

/** Restrictions are written at once, like the adapter's insert-if-absent and delete statements. */
export class InMemoryRestrictionRepository extends RestrictionRepository {
  private readonly restrictions: Restriction[] = [];

  async add(restriction: Restriction) {
    if (await this.has(restriction.ownerId, restriction.targetId, restriction.kind)) return false;
    this.restrictions.push(restriction);
    return true;
  }
  async remove(ownerId: string, targetId: string, kind: RestrictionKind) {
    const index = this.restrictions.findIndex((r) => r.ownerId === ownerId && r.targetId === targetId && r.kind === kind);
    if (index < 0) return false;
    this.restrictions.splice(index, 1);
    return true;
  }
  async eitherBlocks(a: string, b: string) {
    return (await this.has(a, b, 'block')) || (await this.has(b, a, 'block'));
  }
  async has(ownerId: string, targetId: string, kind: RestrictionKind) {
    return this.restrictions.some((r) => r.ownerId === ownerId && r.targetId === targetId && r.kind === kind);
  }
}

/** Each user's direct-message policy (users who never chose have none stored). */
export class InMemoryMessagingSettings {
  private readonly settings = new Map<string, MessagingSettings>();

  choose(userId: string, policy: DirectMessagePolicy): this {
    this.settings.set(userId, new MessagingSettings(userId, policy));
    return this;
  }

  of(userId: string): MessagingSettings | null {
    return this.settings.get(userId) ?? null;
  }
}
