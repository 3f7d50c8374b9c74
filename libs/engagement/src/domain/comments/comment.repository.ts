import type { Comment, CommentEdit } from './comment.js';

export abstract class CommentRepository {
  abstract find(commentId: string): Promise<Comment | null>;
  /** Loads and locks the row until the transaction ends: edits, deletions and decisions on one comment queue up. */
  abstract findForUpdate(commentId: string): Promise<Comment | null>;
  /** Inserts or updates, with the outbox rows of its events, in the current transaction. */
  abstract save(comment: Comment): Promise<void>;
  abstract addEdit(edit: CommentEdit): Promise<void>;
  /** Adds to a thread's reply count in one statement, so concurrent replies never lose an update. */
  abstract adjustReplyCount(threadId: string, delta: number): Promise<void>;
  /** Whether the author already has a comment that became public on the channel (first-timer approval). */
  abstract hasPublishedOnChannel(authorId: string, channelId: string): Promise<boolean>;
}
