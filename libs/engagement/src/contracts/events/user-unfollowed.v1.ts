import { IntegrationEvent } from '@lib/platform';
import { IsISO8601, IsUUID } from 'class-validator';

export class UserUnfollowedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.user-unfollowed.v1';

  @IsUUID() readonly followerId!: string;
  @IsUUID() readonly followeeId!: string;
  @IsISO8601() readonly unfollowedAt!: string;

  constructor(payload: UserUnfollowedV1) {
    super();
    Object.assign(this, payload);
  }
}
