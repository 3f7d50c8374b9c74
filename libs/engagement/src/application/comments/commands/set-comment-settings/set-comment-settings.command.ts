export interface CommentSettingsChange {
  commentsEnabled?: boolean;
  requireApproval?: boolean;
  /** Channel-wide: applies to every video of the video's channel. */
  approveFirstTimeCommenters?: boolean;
}

export interface CommentSettingsView {
  videoId: string;
  channelId: string;
  commentsEnabled: boolean;
  requireApproval: boolean;
  approveFirstTimeCommenters: boolean;
  pinnedCommentId: string | null;
}

export class SetCommentSettingsCommand {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly change: CommentSettingsChange,
  ) {}
}
