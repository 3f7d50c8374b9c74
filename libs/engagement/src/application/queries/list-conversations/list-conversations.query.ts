/** The inbox (accepted conversations) or pending message requests, latest activity first. */
export class ListConversationsQuery {
  constructor(
    readonly userId: string,
    readonly folder: 'inbox' | 'requests',
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
