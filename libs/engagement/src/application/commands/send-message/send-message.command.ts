/** Sends a text to a conversation, or to a person (opening the 1:1 conversation on first contact). */
export class SendMessageCommand {
  constructor(
    readonly senderId: string,
    readonly target: { conversationId: string } | { recipientId: string },
    readonly text: string,
    /** Chosen by the client; the same id sent again returns the stored message instead of a second one. */
    readonly clientMessageId: string,
    readonly replyToId: string | null = null,
  ) {}
}
