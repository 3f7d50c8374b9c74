import { DomainError } from '@lib/platform/ddd';

/** Unknown posts, deleted ones and other people's (for changes) look the same. */
export class PostNotFoundError extends DomainError {
  readonly code = 'engagement.post.not-found';
  readonly kind = 'not-found';
  constructor(postId: string) {
    super('There is no such post', { postId });
  }
}

export class PostInvalidError extends DomainError {
  readonly code = 'engagement.post.invalid';
  readonly kind = 'invalid';
  constructor(reason: string) {
    super(reason);
  }
}

export class PostTooLongError extends DomainError {
  readonly code = 'engagement.post.too-long';
  readonly kind = 'invalid';
  constructor(length: number, maxLength: number) {
    super(`A post may be at most ${maxLength} characters`, { length, maxLength });
  }
}

/** A post may link only one of its author's own published videos. */
export class PostVideoNotOwnError extends DomainError {
  readonly code = 'engagement.post.video-not-own';
  readonly kind = 'rule-violated';
  constructor(videoId: string) {
    super('A post may link only one of your own published videos', { videoId });
  }
}
