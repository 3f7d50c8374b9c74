import { Query } from '@nestjs/cqrs';
import type { PublishedVideo } from '@lib/studio/contracts';
import type { CommentView } from '../../../comments/comment-views.js';

export interface HashtagPage {
  /** The normalised tag (what `#Café`, `#CAFÉ` and `＃ｃａｆé` all become). */
  tag: string;
  commentCount: number;
  videoCount: number;
  latestVideos: PublishedVideo[];
  latestComments: CommentView[];
}

/** A hashtag's page; `viewerId` null for an anonymous visitor. */
export class GetHashtagPageQuery extends Query<HashtagPage> {
  constructor(
    readonly viewerId: string | null,
    readonly tag: string,
    readonly limit = 12,
  ) {
    super();
  }
}
