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
  uniques: [
    { name: 'users_email_key', properties: ['email'] },
    { name: 'users_handle_key', properties: ['handle'] },
  ],
  indexes: [
    { name: 'users_roles_idx', expression: 'create index "users_roles_idx" on "identity"."users" using gin ("roles")' },
    { name: 'users_updated_at_idx', properties: ['updatedAt'] },
  ],
  checks: [
    { name: 'users_email_lowercase', expression: 'email = lower(email)' },
    { name: 'users_handle_format', expression: "handle ~ '^[a-z0-9_]{3,30}$'" },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    emailVerifiedAt: { type: 'datetime', nullable: true },
    handle: { type: 'text' },
    displayName: { type: 'text' },
    bio: { type: 'text', nullable: true },
    avatarUrl: { type: 'text', nullable: true },
    roles: { type: 'text[]', defaultRaw: `'{member}'` },
    passwordHash: { type: 'text', lazy: false },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

/**
 * A foreign key to users that the domain sees as the plain id it is (MikroORM's typing expects a
 * relation property to hold an entity, hence the cast).
 */
function userForeignKey(name: string): { type: 'uuid' } {
  return {
    kind: 'm:1',
    entity: () => UserSchema,
    mapToPk: true,
    fieldName: 'user_id',
    foreignKeyName: name,
    deleteRule: 'cascade',
    updateRule: 'no action',
  } as unknown as { type: 'uuid' };
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  schema: 'identity',
  tableName: 'sessions',
  indexes: [{ name: 'sessions_user_idx', properties: ['userId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: userForeignKey('sessions_user_id_fkey'),
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
  uniques: [{ name: 'api_keys_secret_hash_key', properties: ['secretHash'] }],
  indexes: [{ name: 'api_keys_user_idx', properties: ['userId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: userForeignKey('api_keys_user_id_fkey'),
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
