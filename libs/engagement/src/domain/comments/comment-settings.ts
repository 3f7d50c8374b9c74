/** The channel team's choices for one video's comments. */
export class VideoCommentSettings {
  constructor(
    readonly videoId: string,
    public commentsEnabled = true,
    /** Every new comment waits for the team's approval. */
    public requireApproval = false,
    public pinnedCommentId: string | null = null,
  ) {}
}

/** The channel team's choices for all of a channel's videos. */
export class ChannelCommentSettings {
  constructor(
    readonly channelId: string,
    /** Someone's first comment on the channel waits for the team's approval. */
    public approveFirstTimeCommenters = false,
  ) {}
}
