export class DeleteMessageCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly messageId: string,
  ) {}
}
