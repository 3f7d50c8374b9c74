import type { EntitlementGrant } from './entitlement-grant.js';

export abstract class EntitlementRepository {
  abstract byUser(userId: string): Promise<EntitlementGrant | null>;
  /** Grants whose time-limited plan has lapsed (a grace period or a downgrade hold ended). */
  abstract lapsed(now: Date, limit: number): Promise<EntitlementGrant[]>;
  abstract add(grant: EntitlementGrant): void;
}
