/** What an API key may be used for; each route that accepts keys names the scope it needs. */
export const API_KEY_SCOPES = ['profile:read', 'profile:write', 'search:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Active keys one account may hold at once. */
export const MAX_ACTIVE_API_KEYS = 20;
