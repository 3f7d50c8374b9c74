import { IntegrationEvent } from '@lib/platform';
import { IsEmail, IsISO8601, IsUUID } from 'class-validator';

/** The account's owner followed a link mailed to this address: they read mail sent there (a trust signal). */
export class EmailVerifiedV1 extends IntegrationEvent {
  static override readonly type = 'identity.email-verified.v1';

  @IsUUID() readonly userId!: string;
  @IsEmail() readonly email!: string;
  @IsISO8601() readonly verifiedAt!: string;

  constructor(payload: EmailVerifiedV1) {
    super();
    Object.assign(this, payload);
  }
}
