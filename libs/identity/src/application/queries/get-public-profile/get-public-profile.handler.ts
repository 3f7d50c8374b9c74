import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SocialGraphView } from '@lib/engagement/contracts';
import { OwnedChannels } from '@lib/studio/contracts';
import { UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { GetPublicProfileQuery } from './get-public-profile.query.js';
import type { PublicProfileView } from './public-profile.view.js';

/**
 * Identity's profile with engagement's follow counts and studio's channels, each asked of the owning
 * context's contract port at read time (docs/adr/0040).
 */
@QueryHandler(GetPublicProfileQuery)
export class GetPublicProfileHandler implements IQueryHandler<GetPublicProfileQuery> {
  constructor(
    private readonly users: UserRepository,
    private readonly socialGraph: SocialGraphView,
    private readonly channels: OwnedChannels,
  ) {}

  async execute({ userId, viewerId }: GetPublicProfileQuery): Promise<PublicProfileView> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    const other = viewerId && viewerId !== user.id ? viewerId : null;
    // Blocked either way reads exactly like an unknown id, so a block is not disclosed by its answer.
    if (other && (await this.socialGraph.isBlockedEitherWay(other, user.id))) throw new UserNotFoundError();
    const [counts, channels, following, followsYou] = await Promise.all([
      this.socialGraph.countsOf(user.id),
      this.channels.ownedBy(user.id),
      other ? this.socialGraph.isFollowing(other, user.id) : false,
      other ? this.socialGraph.isFollowing(user.id, other) : false,
    ]);
    return {
      id: user.id,
      handle: user.handle,
      displayName: user.displayName,
      bio: user.bio,
      avatarUrl: user.avatarUrl,
      joinedAt: user.createdAt.toISOString(),
      followerCount: counts.followers,
      followingCount: counts.following,
      channels: channels.map((channel) => ({ id: channel.id, name: channel.name, createdAt: channel.createdAt })),
      viewer: other ? { following, followsYou } : null,
    };
  }
}
