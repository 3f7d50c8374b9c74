import type { CommentView } from './comment-views.js';

export type CommentOrder = 'newest' | 'oldest' | 'top';

/** Where a page starts: after this comment in the chosen order. */
export interface CommentPosition {
  /** `createdAt` (ISO) for newest/oldest, likes + replies for top. */
  key: string | number;
  id: string;
}

export interface CommentViewer {
  userId: string | null;
  /** On the video's channel team: also sees comments held for approval. */
  isTeam: boolean;
}

/**
 * The SQL behind comment lists. Every list shows public comments and tombstones, plus the viewer's
 * own held or hidden ones (and held ones to the team), and leaves out people either side blocks.
 */
export abstract class CommentsReadModel {
  abstract roots(
    videoId: string,
    viewer: CommentViewer,
    order: CommentOrder,
    limit: number,
    after?: CommentPosition,
  ): Promise<CommentView[]>;
  /** A thread's replies, oldest first (flattened: replies to replies are in the same list). */
  abstract replies(
    threadId: string,
    viewer: CommentViewer,
    limit: number,
    after?: CommentPosition,
  ): Promise<CommentView[]>;
  abstract one(commentId: string, viewer: CommentViewer): Promise<CommentView | null>;
  /** Public comments carrying the tag on published videos, newest first. */
  abstract withHashtag(
    tag: string,
    viewerId: string | null,
    limit: number,
    after?: CommentPosition,
  ): Promise<CommentView[]>;
  abstract edits(commentId: string): Promise<Array<{ previousText: string; editedAt: string }>>;
  /** Everyone in a block with the user, either way: they get none of the user's comments pushed. */
  abstract blockedWith(userId: string): Promise<string[]>;
}
