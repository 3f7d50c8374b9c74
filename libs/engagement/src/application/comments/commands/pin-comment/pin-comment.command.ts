/** Pins a root comment on its video (replacing any pinned one), or unpins with `commentId` null. */
export class PinCommentCommand {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly commentId: string | null,
  ) {}
}
