import { InMemoryTable } from '@lib/platform/testing/in-memory';
import type { Follow } from '../domain/follow/follow.js';
import { FollowRepository } from '../domain/follow/follow.repository.js';
import { MessagingSettings, type DirectMessagePolicy } from '../domain/messaging-settings/messaging-settings.js';
import { MessagingSettingsRepository } from '../domain/messaging-settings/messaging-settings.repository.js';
import type { Restriction, RestrictionKind } from '../domain/restriction/restriction.js';
import { RestrictionRepository } from '../domain/restriction/restriction.repository.js';

// Same contracts as the MikroORM repositories in infrastructure/; rows persist when the unit of work commits.

export class InMemoryFollowRepository extends FollowRepository {
  readonly follows = new InMemoryTable<Follow>('engagement.follows', {
    id: (follow) => follow.id,
    pair: (follow) => `${follow.followerId}->${follow.followeeId}`,
  });

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
    const index = this.restrictions.findIndex(
      (r) => r.ownerId === ownerId && r.targetId === targetId && r.kind === kind,
    );
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

/** Each user's direct-message policy, one row per user (users who never chose have none stored). */
export class InMemoryMessagingSettingsRepository extends MessagingSettingsRepository {
  readonly settings = new InMemoryTable<MessagingSettings>('engagement.messaging_settings', {
    userId: (settings) => settings.userId,
  });

  async find(userId: string) {
    return this.settings.find((settings) => settings.userId === userId);
  }
  add(settings: MessagingSettings) {
    this.settings.insert(settings);
  }

  /** Test shorthand for a user's stored choice: changes their row, or adds one. */
  choose(userId: string, policy: DirectMessagePolicy): this {
    const stored = this.settings.find((settings) => settings.userId === userId);
    if (stored) stored.directMessages = policy;
    else this.add(new MessagingSettings(userId, policy));
    return this;
  }
}
