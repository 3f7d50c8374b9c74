import { Query } from '@nestjs/cqrs';
import type { PublicProfileView } from './public-profile.view.js';

export class GetPublicProfileQuery extends Query<PublicProfileView> {
  /** `viewerId` is absent for an anonymous visitor (blocks need someone to have blocked). */
  constructor(
    readonly userId: string,
    readonly viewerId?: string,
  ) {
    super();
  }
}
