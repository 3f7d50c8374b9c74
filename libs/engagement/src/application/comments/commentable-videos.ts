/** What engagement knows of a video from studio's events: enough to decide whether it takes comments. */
export interface CommentableVideo {
  videoId: string;
  channelId: string;
  /** The channel owner, told about new comments; null while only an unpublish was heard of. */
  creatorId: string | null;
  published: boolean;
  deleted: boolean;
  /** Public, undeleted comments and replies. */
  commentCount: number;
}

/**
 * Engagement's read model of studio's videos, fed by `studio.video-published|unpublished|deleted.v1`
 * (studio announces nothing for drafts, which therefore never take comments). Each fact carries its
 * time and a stale one is ignored, so events arriving out of order leave the latest state.
 */
export abstract class CommentableVideos {
  abstract find(videoId: string): Promise<CommentableVideo | null>;
  abstract recordPublished(fact: { videoId: string; channelId: string; creatorId: string; at: Date }): Promise<void>;
  abstract recordUnpublished(fact: { videoId: string; channelId: string; at: Date }): Promise<void>;
  abstract recordDeleted(fact: { videoId: string; channelId: string; at: Date }): Promise<void>;
  /** Adds to the video's comment count in one statement, so concurrent writers never lose an update. */
  abstract adjustCommentCount(videoId: string, delta: number): Promise<void>;
}
