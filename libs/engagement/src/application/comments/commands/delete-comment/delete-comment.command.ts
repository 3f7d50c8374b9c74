/** By its author, or by the video's channel team (any comment). */
export class DeleteCommentCommand {
  constructor(
    readonly userId: string,
    readonly commentId: string,
  ) {}
}
