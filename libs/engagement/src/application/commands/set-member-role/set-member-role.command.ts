export class SetMemberRoleCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly memberId: string,
    readonly role: 'member' | 'admin',
  ) {}
}
