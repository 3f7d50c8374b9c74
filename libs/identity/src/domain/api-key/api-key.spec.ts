import { ApiKey } from './api-key.js';

const aKey = (overrides: Partial<ConstructorParameters<typeof ApiKey>[0]> = {}) =>
  new ApiKey({
    userId: 'u',
    name: 'CI',
    scopes: ['profile:read'],
    displayPrefix: 'sr_abc',
    secretHash: 'h',
    expiresAt: null,
    ...overrides,
  });

describe('an API key', () => {
  it('refuses scopes nobody defined, naming them', () => {
    expect(() => aKey({ scopes: ['profile:read', 'payouts:send'] })).toThrow(
      expect.objectContaining({ code: 'identity.api-key.scope-unknown', message: 'Unknown scopes: payouts:send' }),
    );
  });

  it('is usable until revoked or expired', () => {
    const now = new Date();
    expect(aKey().usableAt(now)).toBe(true);
    expect(aKey({ expiresAt: new Date(now.getTime() - 1) }).usableAt(now)).toBe(false);
    const key = aKey();
    key.revoke();
    const revokedAt = key.revokedAt;
    key.revoke();
    expect(key.usableAt(now)).toBe(false);
    expect(key.revokedAt).toBe(revokedAt);
  });

  it('keeps each scope once', () => {
    expect(aKey({ scopes: ['search:read', 'search:read'] }).scopes).toEqual(['search:read']);
  });
});
