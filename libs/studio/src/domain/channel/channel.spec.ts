import { Channel } from './channel.js';
import { InvitationNotFoundError } from './channel.errors.js';

const OWNER = '0193f000-0000-7000-8000-000000000001';
const ALICE = '0193f000-0000-7000-8000-000000000002';

describe('Channel invitations by e-mail', () => {
  it('stores an invitation to an address without an account and hands it to whoever registers with it, once', () => {
    const channel = Channel.create(OWNER, 'Night Kitchen');
    expect(channel.inviteByEmail(OWNER, 'alice@example.com', null, 'editor')).toBeNull();
    expect(channel.emailInvitations).toEqual([
      expect.objectContaining({ email: 'alice@example.com', role: 'editor', invitedBy: OWNER }),
    ]);

    expect(channel.claimEmailInvitation('alice@example.com', ALICE)).toBe(true);
    expect(channel.claimEmailInvitation('alice@example.com', ALICE)).toBe(false);
    expect(channel.emailInvitations).toEqual([]);
    expect(channel.members.filter((member) => member.userId === ALICE)).toEqual([
      expect.objectContaining({ status: 'invited', role: 'editor', email: 'alice@example.com' }),
    ]);
    expect(channel.accept(ALICE)).toEqual(expect.not.objectContaining({ email: expect.anything() }));
  });

  it('invites an account found by address at once, and leaves an active member as they are', () => {
    const channel = Channel.create(OWNER, 'Night Kitchen');
    expect(channel.inviteByEmail(OWNER, 'alice@example.com', ALICE, 'viewer')).toMatchObject({
      userId: ALICE,
      status: 'invited',
      email: 'alice@example.com',
    });
    channel.accept(ALICE);
    expect(channel.inviteByEmail(OWNER, 'alice@example.com', ALICE, 'editor')).toBeNull();
    expect(channel.roleOf(ALICE)).toBe('viewer');
  });

  it('withdraws an invitation by address whether it waits for an account or not', () => {
    const channel = Channel.create(OWNER, 'Night Kitchen');
    channel.inviteByEmail(OWNER, 'alice@example.com', ALICE, 'viewer');
    channel.inviteByEmail(OWNER, 'bob@example.com', null, 'viewer');
    channel.withdrawEmailInvitation(OWNER, 'alice@example.com');
    channel.withdrawEmailInvitation(OWNER, 'bob@example.com');
    expect(channel.members.map((member) => member.userId)).toEqual([OWNER]);
    expect(channel.emailInvitations).toEqual([]);
    expect(() => channel.withdrawEmailInvitation(OWNER, 'bob@example.com')).toThrow(InvitationNotFoundError);
  });
});
