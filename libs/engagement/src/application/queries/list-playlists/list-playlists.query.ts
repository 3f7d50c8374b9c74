import { Query } from '@nestjs/cqrs';

export interface PlaylistSummary {
  id: string;
  kind: string;
  title: string;
  visibility: string;
  itemCount: number;
  updatedAt: string;
}

/** The caller's playlists: "watch later" first (created on first use), then newest first. */
export class ListPlaylistsQuery extends Query<{ items: PlaylistSummary[] }> {
  constructor(readonly userId: string) {
    super();
  }
}
