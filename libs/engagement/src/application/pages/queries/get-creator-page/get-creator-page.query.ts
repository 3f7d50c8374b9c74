import { Query } from '@nestjs/cqrs';
import type { CreatorChannel, PublishedVideo } from '@lib/studio/contracts';

export interface CreatorPage {
  creator: { userId: string; handle: string; displayName: string; avatarUrl: string | null };
  followerCount: number;
  /** Null for anonymous visitors. */
  viewerFollows: boolean | null;
  channels: CreatorChannel[];
  videoCount: number;
  latestVideos: PublishedVideo[];
}

/** A creator's public page; `viewerId` null for an anonymous visitor. */
export class GetCreatorPageQuery extends Query<CreatorPage> {
  constructor(
    readonly viewerId: string | null,
    readonly creatorId: string,
    readonly limit = 12,
  ) {
    super();
  }
}
