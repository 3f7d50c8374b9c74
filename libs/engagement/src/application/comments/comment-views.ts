import type { Comment, CommentStatus, HeldFor } from '../../domain/comments/comment.js';

export interface CommentAuthorView {
  userId: string;
  handle: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

export interface CommentView {
  id: string;
  videoId: string;
  /** The root comment of the thread; null for a root. */
  threadId: string | null;
  /** The comment answered (a root, or a reply inside the same thread). */
  inReplyToId: string | null;
  inReplyToUserId: string | null;
  author: CommentAuthorView;
  /** Null once deleted (the tombstone keeps its place in the thread). */
  text: string | null;
  /** `visible`, or `held` / `hidden` (seen by its author, and by the team while held). */
  status: CommentStatus;
  heldFor: HeldFor | null;
  hashtags: string[];
  mentionedUserIds: string[];
  replyCount: number;
  /** People who like it. */
  likes: number;
  pinned: boolean;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export function toCommentView(comment: Comment, author: CommentAuthorView, pinned = false): CommentView {
  return {
    id: comment.id,
    videoId: comment.videoId,
    threadId: comment.threadId,
    inReplyToId: comment.inReplyToId,
    inReplyToUserId: comment.inReplyToAuthorId,
    author,
    text: comment.body,
    status: comment.status,
    heldFor: comment.heldFor,
    hashtags: comment.hashtags,
    mentionedUserIds: comment.mentionedUserIds,
    replyCount: Number(comment.replyCount),
    likes: Number(comment.likeCount ?? 0),
    pinned,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    deletedAt: comment.deletedAt?.toISOString() ?? null,
  };
}
