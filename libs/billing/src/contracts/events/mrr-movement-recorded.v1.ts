import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Min } from 'class-validator';

export const MRR_MOVEMENT_KINDS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MrrMovementKind = (typeof MRR_MOVEMENT_KINDS)[number];

/**
 * A row of billing's MRR ledger, classified by billing: the one source of truth for MRR figures.
 * Amounts are integer minor units per month in `currency` (yearly prices / 12; trials and pauses 0).
 * `movementId` is stable, so a consumer can key its copy on it.
 */
export class MrrMovementRecordedV1 extends IntegrationEvent {
  static override readonly type = 'billing.mrr-movement-recorded.v1';

  @IsUUID() readonly movementId!: string;
  @IsUUID() readonly subscriptionId!: string;
  @IsUUID() readonly userId!: string;
  /** The plan after the movement (for a churn: the plan it left). */
  @IsString() readonly planId!: string;
  @IsString() readonly currency!: string;
  @IsIn(MRR_MOVEMENT_KINDS) readonly kind!: MrrMovementKind;
  @IsInt() @Min(0) readonly mrrBefore!: number;
  @IsInt() @Min(0) readonly mrrAfter!: number;
  @IsISO8601() readonly occurredAt!: string;

  constructor(payload: MrrMovementRecordedV1) {
    super();
    Object.assign(this, payload);
  }
}
