/**
 * A page of a conversation. `before`: older history, by sequence. `after`: everything that changed
 * since the sequence a client last saw (new messages, edits, deletions), oldest first — what a
 * reconnecting client asks for. Neither: the latest page.
 */
export class ListMessagesQuery {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
    readonly limit: number,
    readonly before?: number,
    readonly after?: number,
  ) {}
}
