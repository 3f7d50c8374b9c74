/** The channel team releases a comment held for its approval. */
export class ApproveCommentCommand {
  constructor(
    readonly userId: string,
    readonly commentId: string,
  ) {}
}
