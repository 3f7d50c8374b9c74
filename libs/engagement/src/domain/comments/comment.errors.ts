import { DomainError } from '@lib/platform/ddd';

export class CommentNotFoundError extends DomainError {
  readonly code = 'engagement.comment.not-found';
  readonly kind = 'not-found';
  constructor(commentId: string) {
    super('There is no such comment', { commentId });
  }
}

/** Unknown, unpublished and deleted videos look the same: nobody learns that a draft exists. */
export class VideoNotCommentableError extends DomainError {
  readonly code = 'engagement.comment-video.not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super('There is no published video with this id', { videoId });
  }
}

export class CommentsClosedError extends DomainError {
  readonly code = 'engagement.comment.closed';
  readonly kind = 'forbidden';
  constructor(videoId: string) {
    super('Comments are turned off on this video', { videoId });
  }
}

export class CommentInvalidError extends DomainError {
  readonly code = 'engagement.comment.invalid';
  readonly kind = 'invalid';
  constructor(reason: string, details?: Record<string, unknown>) {
    super(reason, details);
  }
}

export class CommentTooLongError extends DomainError {
  readonly code = 'engagement.comment.too-long';
  readonly kind = 'invalid';
  constructor(length: number, maxLength: number) {
    super(`A comment may be at most ${maxLength} characters`, { length, maxLength });
  }
}

export class TooManyMentionsError extends DomainError {
  readonly code = 'engagement.comment.too-many-mentions';
  readonly kind = 'rule-violated';
  constructor(mentions: number, maxMentions: number) {
    super(`Your account may mention at most ${maxMentions} people in one comment`, { mentions, maxMentions });
  }
}

export class ReplyOnOtherVideoError extends DomainError {
  readonly code = 'engagement.comment.reply-elsewhere';
  readonly kind = 'rule-violated';
  constructor(commentId: string, videoId: string) {
    super('The comment you reply to is on another video', { commentId, videoId });
  }
}

export class CommentNotRepliableError extends DomainError {
  readonly code = 'engagement.comment.not-repliable';
  readonly kind = 'rule-violated';
  constructor(commentId: string) {
    super('This comment was deleted or is not public: it takes no replies', { commentId });
  }
}

export class NotCommentAuthorError extends DomainError {
  readonly code = 'engagement.comment.not-author';
  readonly kind = 'forbidden';
  constructor() {
    super('Only its author can edit a comment');
  }
}

export class NotChannelTeamError extends DomainError {
  readonly code = 'engagement.comment.not-team';
  readonly kind = 'forbidden';
  constructor() {
    super("Only the video's channel team can do this");
  }
}

export class CommentWindowClosedError extends DomainError {
  readonly code = 'engagement.comment.window-closed';
  readonly kind = 'rule-violated';
  constructor(windowSeconds: number) {
    super(`Comments can only be edited within ${windowSeconds} seconds of posting`, { windowSeconds });
  }
}

export class CommentDeletedError extends DomainError {
  readonly code = 'engagement.comment.deleted';
  readonly kind = 'rule-violated';
  constructor() {
    super('This comment was deleted');
  }
}

export class CommentNotPinnableError extends DomainError {
  readonly code = 'engagement.comment.not-pinnable';
  readonly kind = 'rule-violated';
  constructor(reason: string) {
    super(reason);
  }
}

export class CommentNotAwaitingApprovalError extends DomainError {
  readonly code = 'engagement.comment.not-held';
  readonly kind = 'rule-violated';
  constructor() {
    super('This comment is not waiting for the channel team’s approval');
  }
}

/** A trust & safety timeout is in force. */
export class CommenterMutedError extends DomainError {
  readonly code = 'engagement.comment.author-muted';
  readonly kind = 'forbidden';
  constructor(mutedUntil: string) {
    super('Your account is timed out and cannot comment for now', { mutedUntil });
  }
}
