import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PublishedCatalog } from '@lib/studio/contracts';
import { HashtagInvalidError, normaliseHashtag } from '../../../../domain/hashtags/hashtags.js';
import { CommentsReadModel } from '../../../comments/comments.read-model.js';
import { PagesReadModel } from '../../pages.read-model.js';
import { GetHashtagPageQuery, type HashtagPage } from './get-hashtag-page.query.js';

/**
 * Comments carrying the tag are engagement's (`comment_hashtags`); videos carrying it are studio's
 * (their tags, compared in the same normalised form). People either side blocks with the viewer are
 * left out of both lists.
 */
@QueryHandler(GetHashtagPageQuery)
export class GetHashtagPageHandler implements IQueryHandler<GetHashtagPageQuery> {
  constructor(
    private readonly comments: CommentsReadModel,
    private readonly pages: PagesReadModel,
    private readonly catalog: PublishedCatalog,
  ) {}

  async execute({ viewerId, tag, limit }: GetHashtagPageQuery): Promise<HashtagPage> {
    const normalised = normaliseHashtag(tag);
    if (!normalised) throw new HashtagInvalidError(tag);
    const blocked = viewerId ? await this.comments.blockedWith(viewerId) : [];
    const [commentCount, videos, latestComments] = await Promise.all([
      this.pages.hashtagCommentCount(normalised),
      this.catalog.latestTagged(normalised, limit, blocked),
      this.comments.withHashtag(normalised, viewerId, limit),
    ]);
    return {
      tag: normalised,
      commentCount,
      videoCount: videos.total,
      latestVideos: videos.items,
      latestComments,
    };
  }
}
