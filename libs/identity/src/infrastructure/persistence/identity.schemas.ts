import { EntitySchema } from '@mikro-orm/postgresql';
import { ApiKey } from '../../domain/api-key/api-key.js';
import { Session } from '../../domain/session/session.js';
import { User } from '../../domain/user/user.js';

/** Mappings of the identity schema; the domain classes carry no ORM decorators. */
export const UserSchema = new EntitySchema<User>({
  // Users are created through User.register(); the ORM builds loaded ones without the constructor.
  class: User as unknown as new () => User,
  schema: 'identity',
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    handle: { type: 'text' },
    displayName: { type: 'text' },
    bio: { type: 'text', nullable: true },
    avatarUrl: { type: 'text', nullable: true },
    roles: { type: 'text[]' },
    passwordHash: { type: 'text', lazy: false },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  schema: 'identity',
  tableName: 'sessions',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    lastRefreshedAt: { type: 'datetime' },
    endedAt: { type: 'datetime', nullable: true },
    endReason: { type: 'text', nullable: true },
    userAgent: { type: 'text', nullable: true },
  },
});

export const ApiKeySchema = new EntitySchema<ApiKey>({
  class: ApiKey,
  schema: 'identity',
  tableName: 'api_keys',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    name: { type: 'text' },
    scopes: { type: 'text[]' },
    displayPrefix: { type: 'text' },
    secretHash: { type: 'text' },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime', nullable: true },
    lastUsedAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
  },
});

export const IDENTITY_ENTITIES = [UserSchema, SessionSchema, ApiKeySchema];
