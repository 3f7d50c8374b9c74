import { DomainEvent } from '@lib/platform/ddd';
import type { Role } from './role.js';

export class UserRegistered extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly email: string,
    readonly handle: string,
    readonly displayName: string,
    readonly roles: Role[],
  ) {
    super();
  }
}

export type ProfileField = 'handle' | 'displayName' | 'bio' | 'avatarUrl';

export class UserProfileChanged extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly changedFields: ProfileField[],
  ) {
    super();
  }
}

export class UserRolesChanged extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly roles: Role[],
  ) {
    super();
  }
}

export class UserEmailVerified extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly email: string,
  ) {
    super();
  }
}
