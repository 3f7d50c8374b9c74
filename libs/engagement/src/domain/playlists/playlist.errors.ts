import { DomainError } from '@lib/platform/ddd';

/** Unknown playlists and other people's private ones look the same. */
export class PlaylistNotFoundError extends DomainError {
  readonly code = 'engagement.playlist.not-found';
  readonly kind = 'not-found';
  constructor(playlistId: string) {
    super('There is no such playlist', { playlistId });
  }
}

export class PlaylistInvalidError extends DomainError {
  readonly code = 'engagement.playlist.invalid';
  readonly kind = 'invalid';
  constructor(message: string) {
    super(message);
  }
}

export class BuiltInPlaylistError extends DomainError {
  readonly code = 'engagement.playlist.built-in';
  readonly kind = 'rule-violated';
  constructor() {
    super('"Watch later" cannot be renamed, shared or deleted');
  }
}

export class PlaylistFullError extends DomainError {
  readonly code = 'engagement.playlist.full';
  readonly kind = 'rule-violated';
  constructor(limit: number) {
    super(`A playlist holds at most ${limit} videos`, { limit });
  }
}

export class PlaylistOrderMismatchError extends DomainError {
  readonly code = 'engagement.playlist.order-mismatch';
  readonly kind = 'rule-violated';
  constructor() {
    super('The order must name every video of the playlist exactly once, and no other');
  }
}

export class PlaylistItemNotFoundError extends DomainError {
  readonly code = 'engagement.playlist-item.not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super('The video is not in this playlist', { videoId });
  }
}
