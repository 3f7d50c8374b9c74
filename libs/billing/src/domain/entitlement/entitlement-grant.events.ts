import { DomainEvent } from '@lib/platform/ddd';

export class EntitlementsChanged extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly previousPlanId: string | null,
    readonly planId: string,
    /** The new plan's complete entitlements, as published. */
    readonly entitlements: Record<string, boolean | number | string>,
  ) {
    super();
  }
}
