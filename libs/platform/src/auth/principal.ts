export const ROLES = ['member', 'creator', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as established by an access token or an API key. */
export interface Principal {
  userId: string;
  roles: Role[];
  via: 'access-token' | 'api-key';
  /** Access tokens: the login session (refresh-token family) it belongs to. */
  sessionId?: string;
  /** API keys: what the key may do. */
  scopes?: string[];
  /** Access tokens: expiry, in seconds since the epoch. */
  expiresAt?: number;
}
