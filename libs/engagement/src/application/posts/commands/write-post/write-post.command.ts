/** A creator writes a post, optionally linking one of their own published videos. */
export class WritePostCommand {
  constructor(
    readonly authorId: string,
    readonly text: string,
    readonly videoId: string | null,
  ) {}
}
