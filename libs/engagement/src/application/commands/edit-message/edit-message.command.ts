export class EditMessageCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly messageId: string,
    readonly text: string,
  ) {}
}
