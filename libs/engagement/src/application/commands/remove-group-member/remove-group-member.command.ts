/** An admin removing someone, or (memberId = userId) anyone leaving. */
export class RemoveGroupMemberCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly memberId: string,
  ) {}
}
