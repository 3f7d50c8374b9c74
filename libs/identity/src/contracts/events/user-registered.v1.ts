import { IntegrationEvent } from '@lib/platform';
import { ArrayNotEmpty, IsArray, IsEmail, IsISO8601, IsIn, IsString, IsUUID } from 'class-validator';

/** A new account exists. Billing creates customers, engagement sends a welcome, insights counts signups. */
export class UserRegisteredV1 extends IntegrationEvent {
  static override readonly type = 'identity.user-registered.v1';

  @IsUUID() readonly userId!: string;
  @IsEmail() readonly email!: string;
  @IsString() readonly handle!: string;
  @IsString() readonly displayName!: string;
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['member', 'creator', 'moderator', 'admin'], { each: true })
  readonly roles!: string[];
  @IsISO8601() readonly registeredAt!: string;

  constructor(payload: UserRegisteredV1) {
    super();
    Object.assign(this, payload);
  }
}
