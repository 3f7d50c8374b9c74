/** Opens (or finds) the 1:1 conversation with `recipientId`. */
export class OpenDirectConversationCommand {
  constructor(
    readonly userId: string,
    readonly recipientId: string,
  ) {}
}
