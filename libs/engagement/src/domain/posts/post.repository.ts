import type { Post } from './post.js';

export abstract class PostRepository {
  /** Locked for the rest of the transaction (deletion, moderation). */
  abstract findForUpdate(postId: string): Promise<Post | null>;
  /** Saved with the current unit of work; its events reach the outbox in the same flush. */
  abstract save(post: Post): Promise<void>;
}
