export class ListCommentRepliesQuery {
  constructor(
    readonly viewerId: string,
    readonly commentId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
