/**
 * The like count shown on a comment (`comments.like_count`), a copy of its like tally written in the
 * same transaction, and the removal of a deleted comment's likes.
 */
export abstract class CommentLikeCounts {
  /** Copies the tally's count onto the comment (called under the tally's lock). */
  abstract set(commentId: string, likes: number): Promise<void>;
  /** Drops every like of the comment, its tally and its count; answers how many likes were dropped. */
  abstract clear(commentId: string): Promise<number>;
}
