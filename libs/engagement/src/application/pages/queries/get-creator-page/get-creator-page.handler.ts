import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PublishedCatalog } from '@lib/studio/contracts';
import { PersonNotFoundError } from '../../../../domain/person/person.errors.js';
import { PersonRepository } from '../../../../domain/person/person.repository.js';
import { BlockedError } from '../../../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../../../domain/restriction/restriction.repository.js';
import { SocialGraphReadModel } from '../../../read-models/social-graph.read-model.js';
import { PagesReadModel } from '../../pages.read-model.js';
import { GetCreatorPageQuery, type CreatorPage } from './get-creator-page.query.js';

/**
 * Profile and followers are engagement's; channels and videos are studio's, asked through its
 * `PublishedCatalog` port. A creator either side blocks with the viewer is 403, as following is.
 */
@QueryHandler(GetCreatorPageQuery)
export class GetCreatorPageHandler implements IQueryHandler<GetCreatorPageQuery> {
  constructor(
    private readonly people: PersonRepository,
    private readonly restrictions: RestrictionRepository,
    private readonly graph: SocialGraphReadModel,
    private readonly pages: PagesReadModel,
    private readonly catalog: PublishedCatalog,
  ) {}

  async execute({ viewerId, creatorId, limit }: GetCreatorPageQuery): Promise<CreatorPage> {
    const person = await this.people.find(creatorId);
    if (!person) throw new PersonNotFoundError(creatorId);
    if (viewerId && viewerId !== creatorId && (await this.restrictions.eitherBlocks(viewerId, creatorId)))
      throw new BlockedError();
    const [followerCount, viewerFollows, channels, videos] = await Promise.all([
      this.graph.countFollowers(creatorId),
      viewerId ? this.pages.follows(viewerId, creatorId) : Promise.resolve(null),
      this.catalog.channelsOf(creatorId),
      this.catalog.latestOf(creatorId, limit),
    ]);
    return {
      creator: {
        userId: person.userId,
        handle: person.handle,
        displayName: person.displayName,
        avatarUrl: person.avatarUrl,
      },
      followerCount,
      viewerFollows,
      channels,
      videoCount: videos.total,
      latestVideos: videos.items,
    };
  }
}
