export class AddGroupMembersCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly memberIds: string[],
  ) {}
}

/** An admin removing someone, or (memberId = userId) anyone leaving. */
export class RemoveGroupMemberCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly memberId: string,
  ) {}
}

export class ChangeGroupCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly changes: { title?: string },
  ) {}
}

export class SetMemberRoleCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly memberId: string,
    readonly role: 'member' | 'admin',
  ) {}
}
