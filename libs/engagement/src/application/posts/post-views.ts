import type { Post, PostStatus } from '../../domain/posts/post.js';

export interface PostAuthor {
  userId: string;
  handle: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

/** A post as clients see it; `held` is true while trust & safety keeps it out of feeds (author only). */
export interface PostView {
  id: string;
  author: PostAuthor;
  text: string | null;
  videoId: string | null;
  status: PostStatus;
  held: boolean;
  createdAt: string;
}

export function postView(post: Post, author: PostAuthor): PostView {
  return {
    id: post.id,
    author,
    text: post.body,
    videoId: post.videoId,
    status: post.status,
    held: post.status !== 'visible',
    createdAt: post.createdAt.toISOString(),
  };
}

/** The SQL behind post lists. */
export abstract class PostsReadModel {
  abstract author(userId: string): Promise<PostAuthor | null>;
  /**
   * A creator's posts newest first: public ones for everyone, also the held and hidden ones for the
   * creator; nothing when either side blocks the other.
   */
  abstract ofCreator(
    creatorId: string,
    viewerId: string,
    before: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<PostView[]>;
}
