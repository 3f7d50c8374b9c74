import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export const ACCOUNT_SANCTIONS = ['timeout', 'suspension', 'ban'] as const;
export type AccountSanctionKind = (typeof ACCOUNT_SANCTIONS)[number];

/**
 * A sanction on an account started or ended. Owning contexts apply what it means to their own data:
 * billing pauses a suspended payer's charges, studio and engagement hide a suspended or banned
 * account's content; `lifted` undoes it.
 */
export class AccountSanctionChangedV1 extends IntegrationEvent {
  static override readonly type = 'trust-safety.account-sanction-changed.v1';

  @IsUUID() readonly userId!: string;
  @IsIn(ACCOUNT_SANCTIONS) readonly sanction!: AccountSanctionKind;
  @IsIn(['imposed', 'lifted']) readonly change!: 'imposed' | 'lifted';
  /** Timeouts: when the mute ends. */
  @IsOptional() @IsISO8601() readonly until!: string | null;
  @IsISO8601() readonly changedAt!: string;

  constructor(payload: AccountSanctionChangedV1) {
    super();
    Object.assign(this, payload);
  }
}
