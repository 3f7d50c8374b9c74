import { AggregateRoot, isBlankText, trimText } from '@lib/platform/ddd';
import { PostInvalidError, PostNotFoundError, PostTooLongError } from './post.errors.js';
import { PostPublished, PostWithdrawn } from './post.events.js';

/** `visible`: in feeds; `held`/`hidden`: trust & safety is looking (its author still sees it); `removed`: by a moderator. */
export const POST_STATUSES = ['visible', 'held', 'hidden', 'removed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** What screening decided for a new post, reduced to what the post does (`flag` stays visible). */
export type PostScreening = 'allow' | 'hold' | 'hide';
export type PostModeration = 'approve' | 'restore' | 'hide' | 'remove';

/** Trimmed text within the limit, or the domain's refusal (blank 400, too long 400). */
export function validPostText(text: string, maxLength: number): string {
  if (isBlankText(text)) throw new PostInvalidError('A post needs some text');
  const trimmed = trimText(text);
  const length = [...trimmed].length;
  if (length > maxLength) throw new PostTooLongError(length, maxLength);
  return trimmed;
}

/**
 * A creator's short announcement, optionally linking one of their own published videos. It reaches
 * followers' feeds once it is public (`announcedAt`, recorded once); deleting leaves no text behind.
 */
export class Post extends AggregateRoot {
  constructor(
    readonly id: string,
    readonly authorId: string,
    public body: string | null,
    readonly videoId: string | null,
    public status: PostStatus,
    readonly createdAt: Date,
    public deletedAt: Date | null = null,
    public announcedAt: Date | null = null,
  ) {
    super();
  }

  static write(input: {
    id: string;
    authorId: string;
    text: string;
    videoId: string | null;
    screening: PostScreening;
    now?: Date;
  }): Post {
    const now = input.now ?? new Date();
    const status: PostStatus = input.screening === 'allow' ? 'visible' : input.screening === 'hold' ? 'held' : 'hidden';
    const post = new Post(input.id, input.authorId, input.text, input.videoId, status, now);
    post.announce(now);
    return post;
  }

  /** In followers' feeds and on the creator's page. */
  get isPublic(): boolean {
    return this.status === 'visible' && this.deletedAt === null;
  }

  /** Its author sees their held or hidden posts; everyone else only public ones. */
  visibleTo(viewerId: string | null): boolean {
    if (this.deletedAt) return false;
    return this.isPublic || (viewerId === this.authorId && this.status !== 'removed');
  }

  /** Only its author deletes it; to anyone else it does not exist (404). */
  delete(byUserId: string, now = new Date()): void {
    if (byUserId !== this.authorId || this.deletedAt) throw new PostNotFoundError(this.id);
    const wasPublic = this.isPublic;
    this.deletedAt = now;
    this.body = null;
    if (wasPublic) this.record(new PostWithdrawn(this.id, this.authorId));
  }

  /** Trust & safety's decision; false when it changes nothing (a repeated or stale decision). */
  moderate(action: PostModeration, now = new Date()): boolean {
    if (this.deletedAt) return false;
    const wasPublic = this.isPublic;
    const next: PostStatus =
      action === 'approve' || action === 'restore' ? 'visible' : action === 'hide' ? 'hidden' : 'removed';
    if (next === this.status) return false;
    this.status = next;
    if (this.isPublic) this.announce(now);
    if (wasPublic && !this.isPublic) this.record(new PostWithdrawn(this.id, this.authorId));
    return true;
  }

  private announce(now: Date): void {
    if (this.announcedAt || !this.isPublic) return;
    this.announcedAt = now;
    this.record(new PostPublished(this.id, this.authorId, this.videoId, this.createdAt));
  }
}
