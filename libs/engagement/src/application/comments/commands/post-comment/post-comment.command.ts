/** A new comment on a video, or a reply to a comment (on the same video when both are given). */
export class PostCommentCommand {
  constructor(
    readonly authorId: string,
    readonly target: { videoId: string; replyToId?: string | null } | { replyToId: string },
    readonly text: string,
  ) {}
}
