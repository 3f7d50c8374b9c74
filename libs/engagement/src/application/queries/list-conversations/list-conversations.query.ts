/** The inbox (accepted conversations) or pending message requests, latest activity first. */
export class ListConversationsQuery {
  constructor(
    readonly userId: string,
    readonly folder: 'inbox' | 'requests',
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}

export class GetConversationQuery {
  constructor(
    readonly userId: string,
    readonly conversationId: string,
  ) {}
}

export class GetMessagingSettingsQuery {
  constructor(readonly userId: string) {}
}
