export class ListMessageEditsQuery {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly messageId: string,
  ) {}
}
