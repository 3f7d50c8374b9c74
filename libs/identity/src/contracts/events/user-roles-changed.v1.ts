import { IntegrationEvent } from '@lib/platform';
import { ArrayNotEmpty, IsArray, IsIn, IsISO8601, IsUUID } from 'class-validator';

/** An admin granted or withdrew roles (creator, moderator, admin). */
export class UserRolesChangedV1 extends IntegrationEvent {
  static override readonly type = 'identity.user-roles-changed.v1';

  @IsUUID() readonly userId!: string;
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(['member', 'creator', 'moderator', 'admin'], { each: true })
  readonly roles!: string[];
  @IsISO8601() readonly changedAt!: string;

  constructor(payload: UserRolesChangedV1) {
    super();
    Object.assign(this, payload);
  }
}
