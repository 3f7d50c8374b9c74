/** Opens (or finds) the 1:1 conversation with `recipientId`. */
export class OpenDirectConversationCommand {
  constructor(
    readonly userId: string,
    readonly recipientId: string,
  ) {}
}

export class CreateGroupCommand {
  constructor(
    readonly userId: string,
    readonly title: string,
    readonly memberIds: string[],
  ) {}
}
