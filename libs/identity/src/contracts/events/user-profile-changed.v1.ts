import { IntegrationEvent } from '@lib/platform';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

/** A user's public profile changed; carries the whole profile so consumers need not ask for it. */
export class UserProfileChangedV1 extends IntegrationEvent {
  static override readonly type = 'identity.user-profile-changed.v1';

  @IsUUID() readonly userId!: string;
  @IsString() readonly handle!: string;
  @IsString() readonly displayName!: string;
  @IsOptional() @IsString() readonly bio!: string | null;
  @IsOptional() @IsString() readonly avatarUrl!: string | null;
  @IsArray() @IsIn(['handle', 'displayName', 'bio', 'avatarUrl'], { each: true }) readonly changedFields!: string[];
  @IsISO8601() readonly changedAt!: string;

  constructor(payload: UserProfileChangedV1) {
    super();
    Object.assign(this, payload);
  }
}
