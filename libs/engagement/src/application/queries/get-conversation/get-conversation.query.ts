export class GetConversationQuery {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
  ) {}
}
