import { UserEmailVerified, UserProfileChanged, UserRegistered, UserRolesChanged } from './user.events.js';
import { User } from './user.js';

const aUser = () =>
  User.register({ email: ' Ada@Example.COM ', handle: '@Ada_L', displayName: 'Ada  Lovelace', passwordHash: 'hash' });

describe('a user', () => {
  it('registers as a member with normalised email, handle and name, recording UserRegistered', () => {
    const user = aUser();
    expect(user).toMatchObject({
      email: 'ada@example.com',
      handle: 'ada_l',
      displayName: 'Ada Lovelace',
      roles: ['member'],
    });
    const [event] = user.pullDomainEvents();
    expect(event).toBeInstanceOf(UserRegistered);
    expect(event).toMatchObject({ aggregateId: user.id, handle: 'ada_l', roles: ['member'] });
    expect(user.pullDomainEvents()).toEqual([]);
  });

  it('refuses an invalid email, a malformed or reserved handle and an empty name', () => {
    expect(() =>
      User.register({ email: 'not-an-email', handle: 'ada', displayName: 'Ada', passwordHash: 'h' }),
    ).toThrow(expect.objectContaining({ code: 'identity.email.invalid' }));
    expect(() => User.register({ email: 'a@b.co', handle: 'a b', displayName: 'Ada', passwordHash: 'h' })).toThrow(
      expect.objectContaining({ code: 'identity.handle.invalid' }),
    );
    expect(() => User.register({ email: 'a@b.co', handle: 'admin', displayName: 'Ada', passwordHash: 'h' })).toThrow(
      /reserved/,
    );
    expect(() => User.register({ email: 'a@b.co', handle: 'ada', displayName: '\u0000 ', passwordHash: 'h' })).toThrow(
      expect.objectContaining({ code: 'identity.display-name.invalid' }),
    );
  });

  it('records which profile fields changed, and nothing when nothing did', () => {
    const user = aUser();
    user.pullDomainEvents();
    expect(user.changeProfile({ displayName: 'Ada Lovelace', bio: '  ' })).toEqual([]);
    expect(user.pullDomainEvents()).toEqual([]);
    expect(user.changeProfile({ displayName: 'Countess', bio: 'Notes on the engine', handle: 'ADA_L' })).toEqual([
      'displayName',
      'bio',
    ]);
    const [event] = user.pullDomainEvents();
    expect(event).toBeInstanceOf(UserProfileChanged);
    expect((event as UserProfileChanged).changedFields).toEqual(['displayName', 'bio']);
  });

  it('always keeps the member role, in a stable order, and records only real role changes', () => {
    const user = aUser();
    user.pullDomainEvents();
    expect(user.setRoles(['admin', 'creator', 'admin'])).toBe(true);
    expect(user.roles).toEqual(['member', 'creator', 'admin']);
    expect(user.pullDomainEvents()[0]).toBeInstanceOf(UserRolesChanged);
    expect(user.setRoles(['creator', 'admin', 'member'])).toBe(false);
    expect(user.pullDomainEvents()).toEqual([]);
  });

  it('verifies the address a link was mailed to once, and not an address it no longer has', () => {
    const user = aUser();
    user.pullDomainEvents();
    expect(user.hasVerifiedEmail()).toBe(false);
    expect(() => user.verifyEmail('someone-else@example.com')).toThrow(
      expect.objectContaining({ code: 'identity.email-verification.address-changed' }),
    );
    expect(user.verifyEmail('ada@example.com')).toBe(true);
    expect(user.hasVerifiedEmail()).toBe(true);
    expect(user.pullDomainEvents()).toEqual([expect.any(UserEmailVerified)]);
    expect(user.verifyEmail('ada@example.com')).toBe(false);
    expect(user.pullDomainEvents()).toEqual([]);
  });
});
