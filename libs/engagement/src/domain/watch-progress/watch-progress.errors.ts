import { DomainError } from '@lib/platform/ddd';

export class ProgressBeyondDurationError extends DomainError {
  readonly code = 'engagement.progress.beyond-duration';
  readonly kind = 'invalid';
  constructor(positionSeconds: number, durationSeconds: number) {
    super('The position is past the end of the video', { positionSeconds, durationSeconds });
  }
}

/** Unknown entries and other people's look the same. */
export class HistoryEntryNotFoundError extends DomainError {
  readonly code = 'engagement.history-entry.not-found';
  readonly kind = 'not-found';
  constructor(entryId: string) {
    super('There is no such history entry', { entryId });
  }
}
