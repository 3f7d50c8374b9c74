import { aDirectConversation, aGroup } from '../../testing/index.js';
import { GroupRules, pairKeyOf } from './conversation.js';
import { CannotMessageSelfError, GroupFullError, NotAGroupAdminError, NotAGroupError } from './conversation.errors.js';

describe('group membership and admin rules', () => {
  it('lets a present admin manage the group, and nobody else', () => {
    const group = aGroup().createdBy('ann').withMembers('bob').withAdmin('dan').build();

    expect(() => GroupRules.assertAdmin(group.conversation, group.member('ann'))).not.toThrow();
    expect(() => GroupRules.assertAdmin(group.conversation, group.member('dan'))).not.toThrow();
    expect(() => GroupRules.assertAdmin(group.conversation, group.member('bob'))).toThrow(NotAGroupAdminError);
  });

  it('takes the admin role from someone who leaves, so a former admin manages nothing', () => {
    const group = aGroup().createdBy('ann').withMembers('bob').build();
    group.member('ann').leave(false);

    expect(group.member('ann')).toMatchObject({ status: 'left', role: 'member' });
    expect(() => GroupRules.assertAdmin(group.conversation, group.member('ann'))).toThrow(NotAGroupAdminError);
  });

  it('has no admins in a direct conversation', () => {
    const direct = aDirectConversation().from('ann').to('bob').build();
    expect(() => GroupRules.assertAdmin(direct.conversation, direct.member('ann'))).toThrow(NotAGroupError);
    expect(() => direct.conversation.rename('ours')).toThrow(NotAGroupError);
  });

  it('refuses members beyond the group’s size limit', () => {
    expect(() => GroupRules.assertRoom(8, 2, 10)).not.toThrow();
    expect(() => GroupRules.assertRoom(9, 2, 10)).toThrow(GroupFullError);
  });

  it('hands the admin role to the longest-standing present member when the last admin is gone', () => {
    const group = aGroup().createdBy('ann').withMembers('bob', 'cat').withFormerMember('eve').build();
    group.member('ann').leave(false);

    expect(GroupRules.successorAdmin(group.memberships)?.userId).toBe('bob');
  });

  it('needs no successor while an admin remains, and finds none in an empty group', () => {
    const withAdmin = aGroup().createdBy('ann').withMembers('bob').build();
    expect(GroupRules.successorAdmin(withAdmin.memberships)).toBeNull();

    const deserted = aGroup().createdBy('ann').build();
    deserted.member('ann').leave(false);
    expect(GroupRules.successorAdmin(deserted.memberships)).toBeNull();
  });

  it('keeps a declined request readable but silent, and accepting it later brings the conversation in', () => {
    const direct = aDirectConversation().from('fan').to('creator').asRequest().build();
    const creator = direct.member('creator');
    expect(creator).toMatchObject({ canRead: true, isPresent: true });

    creator.decline();
    expect(creator).toMatchObject({ status: 'declined', canRead: true, isPresent: false });

    creator.accept();
    expect(creator.status).toBe('active');
  });

  it('finds a direct conversation by its pair whoever wrote first, and refuses one with oneself', () => {
    expect(aDirectConversation().from('ann').to('bob').build().conversation.pairKey).toBe(pairKeyOf('bob', 'ann'));
    expect(() => aDirectConversation().from('ann').to('ann').build()).toThrow(CannotMessageSelfError);
  });
});
