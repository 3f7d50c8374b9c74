/** Moves a message request into the inbox (accept) or out of sight (decline). */
export class AnswerMessageRequestCommand {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly accept: boolean,
  ) {}
}
