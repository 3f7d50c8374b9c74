import { AggregateRoot, isBlankText, newId, trimText } from '@lib/platform/ddd';
import {
  CommentDeletedError,
  CommentInvalidError,
  CommentNotAwaitingApprovalError,
  CommentTooLongError,
  CommentWindowClosedError,
  NotCommentAuthorError,
} from './comment.errors.js';
import { CommentDeleted, CommentPosted } from './comment.events.js';

/**
 * `visible`: on the page. `held`: waiting for a moderator (`screening`) or the channel team
 * (`approval`). `hidden`: hidden by screening or a moderator, reviewable. `removed`: taken down by a
 * moderator (text kept for an appeal, never shown).
 */
export const COMMENT_STATUSES = ['visible', 'held', 'hidden', 'removed'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export type HeldFor = 'screening' | 'approval';

/** What screening decided for a text, reduced to what a comment does with it. */
export type ScreeningOutcome = 'allow' | 'hold' | 'hide';

/** What trust & safety's `content-actioned` decisions do to a comment. */
export type ModerationAction = 'approve' | 'hide' | 'remove' | 'restore';

/** Checks a comment text: not blank, not longer than the limit (characters, not bytes); returns it trimmed. */
export function validCommentText(text: string, maxLength: number): string {
  if (isBlankText(text)) throw new CommentInvalidError('A comment needs some text');
  const trimmed = trimText(text);
  const length = [...trimmed].length;
  if (length > maxLength) throw new CommentTooLongError(length, maxLength);
  return trimmed;
}

export interface NewComment {
  /** Chosen before screening, so trust & safety's review item names the comment it is about. */
  id: string;
  videoId: string;
  channelId: string;
  authorId: string;
  text: string;
  mentionedUserIds: string[];
  hashtags: string[];
  /** The comment answered, for a reply. */
  replyTo?: { id: string; authorId: string; threadId: string | null } | null;
  screening: ScreeningOutcome;
  /** The channel wants to approve this comment first (all comments, or a first-time commenter's). */
  needsApproval: boolean;
}

/**
 * A comment on a video. Threads are two levels deep: a reply to a reply joins the root comment's
 * thread (`threadId`) and remembers whom it answers (`inReplyToId`), so clients show it flat under
 * the root with an "@author" (docs/adr/0030).
 */
export class Comment extends AggregateRoot {
  readonly createdAt: Date = new Date();
  editedAt: Date | null = null;
  deletedAt: Date | null = null;
  /** When it first became public; notifications and `comment-posted` happen once, then. */
  announcedAt: Date | null = null;
  heldFor: HeldFor | null = null;
  /** Public, undeleted replies in this thread (roots only), kept by atomic increments. */
  replyCount = 0;
  /** People who like it, kept by SQL under the comment's like tally lock (ADR 0028); never changed here. */
  readonly likeCount: number = 0;

  constructor(
    readonly videoId: string,
    readonly channelId: string,
    readonly authorId: string,
    /** The root comment of the thread; null for a root. */
    readonly threadId: string | null,
    readonly inReplyToId: string | null,
    readonly inReplyToAuthorId: string | null,
    public body: string | null,
    public status: CommentStatus,
    public mentionedUserIds: string[],
    public hashtags: string[],
    readonly id: string = newId(),
  ) {
    super();
  }

  static post(input: NewComment, now = new Date()): Comment {
    const replyTo = input.replyTo ?? null;
    const comment = new Comment(
      input.videoId,
      input.channelId,
      input.authorId,
      replyTo ? (replyTo.threadId ?? replyTo.id) : null,
      replyTo?.id ?? null,
      replyTo?.authorId ?? null,
      input.text,
      'visible',
      input.mentionedUserIds,
      input.hashtags,
      input.id,
    );
    comment.applyScreening(input.screening, input.needsApproval, now);
    return comment;
  }

  get isReply(): boolean {
    return this.threadId !== null;
  }

  get isDeleted(): boolean {
    return this.deletedAt !== null;
  }

  /** Counted on the video and its thread: public and not a tombstone. */
  get counts(): boolean {
    return this.status === 'visible' && !this.isDeleted;
  }

  /** Who sees it: everyone when visible; its author while held or hidden; the team while held. */
  visibleTo(viewerId: string | null, viewerIsTeam: boolean): boolean {
    if (this.status === 'visible') return true;
    if (this.status === 'removed') return false;
    if (viewerId === this.authorId) return true;
    return this.status === 'held' && viewerIsTeam;
  }

  /** Changes the text within the window; returns the previous text for the history. */
  edit(
    by: string,
    text: string,
    found: { mentionedUserIds: string[]; hashtags: string[] },
    windowSeconds: number,
    now = new Date(),
  ): string {
    if (by !== this.authorId) throw new NotCommentAuthorError();
    if (this.isDeleted) throw new CommentDeletedError();
    if (now.getTime() - this.createdAt.getTime() > windowSeconds * 1_000)
      throw new CommentWindowClosedError(windowSeconds);
    const previous = this.body!;
    this.body = text;
    this.mentionedUserIds = found.mentionedUserIds;
    this.hashtags = found.hashtags;
    this.editedAt = now;
    return previous;
  }

  /** Screening's verdict on the (new) text; an edited comment can be held or hidden again, never released by it. */
  applyScreening(outcome: ScreeningOutcome, needsApproval: boolean, now = new Date()): void {
    if (outcome === 'hide') this.moveTo('hidden', null);
    else if (outcome === 'hold') this.moveTo('held', 'screening');
    else if (needsApproval) this.moveTo('held', 'approval');
    else if (this.status === 'visible') this.announce(now);
  }

  /** Leaves a tombstone: the comment keeps its place (and its thread), without text, tags or mentions. */
  delete(by: 'author' | 'team', now = new Date()): void {
    if (this.isDeleted) throw new CommentDeletedError();
    const wasPublic = this.counts;
    this.body = null;
    this.mentionedUserIds = [];
    this.hashtags = [];
    this.deletedAt = now;
    if (wasPublic) this.record(new CommentDeleted(this.id, this.videoId, this.channelId, this.authorId, by));
  }

  /** The channel team releases a comment it was asked to approve. */
  approveByTeam(now = new Date()): void {
    if (this.status !== 'held' || this.heldFor !== 'approval' || this.isDeleted)
      throw new CommentNotAwaitingApprovalError();
    this.moveTo('visible', null);
    this.announce(now);
  }

  /** A moderator's decision; returns whether anything changed (decisions may arrive twice). */
  moderate(action: ModerationAction, now = new Date()): boolean {
    const wasPublic = this.counts;
    const before = this.status;
    if (action === 'approve' || action === 'restore') {
      // A moderator's approval does not skip the channel's own approval step.
      if (this.status === 'held' && this.heldFor === 'approval') return false;
      this.moveTo('visible', null);
    } else if (action === 'hide') this.moveTo('hidden', null);
    else this.moveTo('removed', null);
    if (before === this.status) return false;
    if (this.counts && !this.isDeleted) this.announce(now);
    if (wasPublic && !this.counts)
      this.record(new CommentDeleted(this.id, this.videoId, this.channelId, this.authorId, 'moderation'));
    return true;
  }

  private moveTo(status: CommentStatus, heldFor: HeldFor | null): void {
    this.status = status;
    this.heldFor = heldFor;
  }

  private announce(now: Date): void {
    if (this.announcedAt) return;
    this.announcedAt = now;
    this.record(
      new CommentPosted(
        this.id,
        this.videoId,
        this.channelId,
        this.authorId,
        this.threadId,
        this.hashtags,
        this.mentionedUserIds,
      ),
    );
  }
}

/** One earlier text of an edited comment. */
export class CommentEdit {
  readonly id: string = newId();
  constructor(
    readonly commentId: string,
    readonly previousBody: string,
    readonly editedAt: Date,
  ) {}
}
