import type { PostAuthor } from '../posts/post-views.js';
import type { FeedItemType } from './feed-inbox.js';

export interface FeedVideo {
  videoId: string;
  channelId: string;
  title: string;
  accessLevel: string;
  /** Until when only `early_access` holders may watch (null: no window, or it is over). */
  earlyAccessUntil: string | null;
  durationSeconds: number | null;
}

/** One feed entry; `locked` says the viewer's plan does not open the video yet (shown, with a lock). */
export interface FeedEntry {
  type: FeedItemType;
  id: string;
  publishedAt: string;
  author: PostAuthor;
  video: FeedVideo | null;
  /** A post's text and the video it links (null when that video is no longer published). */
  post: { text: string; videoId: string | null } | null;
  locked: boolean;
}

export type FeedPosition = { at: Date; id: string } | undefined;

/** The SQL behind feeds: one viewer's (inbox ∪ merged-on-read creators) and the public "what's new". */
export abstract class FeedReadModel {
  /** Newest first before `before`; only live items of creators still followed, nobody muted or blocked. */
  abstract page(viewerId: string, before: FeedPosition, limit: number): Promise<Omit<FeedEntry, 'locked'>[]>;
  /** Recent free videos (out of early access) and public posts across the platform, cached briefly. */
  abstract whatsNew(limit: number): Promise<Omit<FeedEntry, 'locked'>[]>;
}
