/** The reader has seen everything up to `upToSeq` in the conversation. */
export class MarkConversationReadCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly upToSeq: number,
  ) {}
}
