import { IntegrationEvent } from '@lib/platform';
import { IsISO8601, IsUUID } from 'class-validator';

/** Someone started following a creator (or anyone). Notifications tell the followee; feeds widen. */
export class UserFollowedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.user-followed.v1';

  @IsUUID() readonly followerId!: string;
  @IsUUID() readonly followeeId!: string;
  @IsISO8601() readonly followedAt!: string;

  constructor(payload: UserFollowedV1) {
    super();
    Object.assign(this, payload);
  }
}
