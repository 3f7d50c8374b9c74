import type { ApiKey } from '../domain/api-key/api-key.js';
import type { IpBlock } from '../domain/ip-block/ip-block.js';
import type { User } from '../domain/user/user.js';

/** The account as its owner (or an admin) sees it. */
export interface UserView {
  id: string;
  email: string;
  /** Whether the owner followed a link mailed to `email`. */
  emailVerified: boolean;
  handle: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.hasVerifiedEmail(),
    handle: user.handle,
    displayName: user.displayName,
    bio: user.bio,
    avatarUrl: user.avatarUrl,
    roles: [...user.roles],
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    scopes: [...key.scopes],
    prefix: key.displayPrefix,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export interface IpBlockView {
  id: string;
  range: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export function toIpBlockView(block: IpBlock): IpBlockView {
  return {
    id: block.id,
    range: block.range,
    reason: block.reason,
    createdBy: block.createdBy,
    createdAt: block.createdAt.toISOString(),
  };
}
