import { DomainError } from '@lib/platform/ddd';

/** What one user does about another: a block stops all contact both ways; a mute only hides. */
export type RestrictionKind = 'block' | 'mute';

export class Restriction {
  readonly createdAt: Date = new Date();
  constructor(
    readonly ownerId: string,
    readonly targetId: string,
    readonly kind: RestrictionKind,
  ) {}
}

export class CannotRestrictSelfError extends DomainError {
  readonly code = 'engagement.restriction.self';
  readonly kind = 'rule-violated';
  constructor(kind: RestrictionKind) {
    super(`You cannot ${kind} yourself`);
  }
}

export class BlockedError extends DomainError {
  readonly code = 'engagement.blocked';
  readonly kind = 'forbidden';
  constructor() {
    super('One of you has blocked the other');
  }
}

export abstract class RestrictionRepository {
  /** Adds the restriction unless present; returns whether it is new. */
  abstract add(restriction: Restriction): Promise<boolean>;
  abstract remove(ownerId: string, targetId: string, kind: RestrictionKind): Promise<boolean>;
  /** Whether either user blocks the other (what every engagement feature checks). */
  abstract eitherBlocks(a: string, b: string): Promise<boolean>;
  abstract has(ownerId: string, targetId: string, kind: RestrictionKind): Promise<boolean>;
}

export class PersonNotFoundError extends DomainError {
  readonly code = 'engagement.person.not-found';
  readonly kind = 'not-found';
  constructor(userId: string) {
    super('There is no such person', { userId });
  }
}

/** What engagement knows of a user (from identity's events): enough to show them in lists and to e-mail them. */
export class Person {
  constructor(
    readonly userId: string,
    public handle: string,
    public displayName: string,
    public avatarUrl: string | null,
    public email: string | null = null,
  ) {}
}
