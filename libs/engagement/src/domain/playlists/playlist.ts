import { AggregateRoot, newId } from '@lib/platform/ddd';
import {
  BuiltInPlaylistError,
  PlaylistFullError,
  PlaylistInvalidError,
  PlaylistItemNotFoundError,
  PlaylistOrderMismatchError,
} from './playlist.errors.js';

export type PlaylistKind = 'watch-later' | 'custom';
export type PlaylistVisibility = 'public' | 'private';

export const MAX_PLAYLIST_ITEMS = 500;
export const MAX_PLAYLIST_TITLE = 150;
export const MAX_PLAYLIST_DESCRIPTION = 2_000;

export interface PlaylistItem {
  videoId: string;
  addedAt: string;
}

/**
 * A person's ordered list of videos: "watch later" (one per person, built in, always private) or a
 * named playlist, public or private. The order is the array's; the aggregate's version guards it.
 */
export class Playlist extends AggregateRoot {
  readonly id!: string;
  readonly ownerId!: string;
  readonly kind!: PlaylistKind;
  title!: string;
  description!: string;
  visibility!: PlaylistVisibility;
  items!: PlaylistItem[];
  readonly createdAt!: Date;
  updatedAt!: Date;

  // Fields are set by the factories only: MikroORM builds entities without arguments and would read any value set here as a column default.
  private constructor() {
    super();
  }

  private static start(
    ownerId: string,
    kind: PlaylistKind,
    title: string,
    visibility: PlaylistVisibility,
    description = '',
  ) {
    const now = new Date();
    return Object.assign(new Playlist(), {
      id: newId(),
      ownerId,
      kind,
      title,
      description,
      visibility,
      items: [],
      createdAt: now,
      updatedAt: now,
    });
  }

  static watchLater(ownerId: string): Playlist {
    return Playlist.start(ownerId, 'watch-later', 'Watch later', 'private');
  }

  static create(ownerId: string, input: { title: string; description?: string; visibility?: PlaylistVisibility }) {
    return Playlist.start(
      ownerId,
      'custom',
      Playlist.cleanTitle(input.title),
      input.visibility ?? 'private',
      Playlist.cleanDescription(input.description ?? ''),
    );
  }

  visibleTo(userId: string): boolean {
    return this.ownerId === userId || this.visibility === 'public';
  }

  change(changes: { title?: string; description?: string; visibility?: PlaylistVisibility }): void {
    if (this.kind === 'watch-later') throw new BuiltInPlaylistError();
    if (changes.title !== undefined) this.title = Playlist.cleanTitle(changes.title);
    if (changes.description !== undefined) this.description = Playlist.cleanDescription(changes.description);
    if (changes.visibility !== undefined) this.visibility = changes.visibility;
    this.touch();
  }

  assertDeletable(): void {
    if (this.kind === 'watch-later') throw new BuiltInPlaylistError();
  }

  has(videoId: string): boolean {
    return this.items.some((item) => item.videoId === videoId);
  }

  /** Appends the video; already there changes nothing (answers false). */
  add(videoId: string, now: Date = new Date()): boolean {
    if (this.items.some((item) => item.videoId === videoId)) return false;
    if (this.items.length >= MAX_PLAYLIST_ITEMS) throw new PlaylistFullError(MAX_PLAYLIST_ITEMS);
    this.items = [...this.items, { videoId, addedAt: now.toISOString() }];
    this.touch();
    return true;
  }

  /** Removes the video; not there changes nothing (answers false). */
  remove(videoId: string): boolean {
    const items = this.items.filter((item) => item.videoId !== videoId);
    if (items.length === this.items.length) return false;
    this.items = items;
    this.touch();
    return true;
  }

  /** Puts the items in exactly this order (every video once, no others). */
  reorder(videoIds: string[]): void {
    const byId = new Map(this.items.map((item) => [item.videoId, item]));
    if (
      videoIds.length !== byId.size ||
      new Set(videoIds).size !== videoIds.length ||
      videoIds.some((id) => !byId.has(id))
    )
      throw new PlaylistOrderMismatchError();
    this.items = videoIds.map((id) => byId.get(id)!);
    this.touch();
  }

  /** Moves one video to `position` (0 = first; past the end = last). */
  move(videoId: string, position: number): void {
    const index = this.items.findIndex((item) => item.videoId === videoId);
    if (index < 0) throw new PlaylistItemNotFoundError(videoId);
    const items = [...this.items];
    const [item] = items.splice(index, 1);
    items.splice(Math.min(Math.max(0, position), items.length), 0, item);
    this.items = items;
    this.touch();
  }

  private touch(): void {
    this.updatedAt = new Date();
  }

  private static cleanTitle(title: string): string {
    const clean = title.trim();
    if (!clean || clean.length > MAX_PLAYLIST_TITLE)
      throw new PlaylistInvalidError(`A title has 1 to ${MAX_PLAYLIST_TITLE} characters`);
    return clean;
  }

  private static cleanDescription(description: string): string {
    const clean = description.trim();
    if (clean.length > MAX_PLAYLIST_DESCRIPTION)
      throw new PlaylistInvalidError(`A description has at most ${MAX_PLAYLIST_DESCRIPTION} characters`);
    return clean;
  }
}
