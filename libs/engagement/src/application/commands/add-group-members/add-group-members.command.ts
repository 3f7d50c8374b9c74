export class AddGroupMembersCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly memberIds: string[],
  ) {}
}
