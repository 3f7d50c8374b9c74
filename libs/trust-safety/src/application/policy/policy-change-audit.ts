import { Injectable, Logger } from '@nestjs/common';
import type { ModerationPolicy } from '../../domain/policy/moderation-policy.js';

export interface PolicyChange {
  previousVersion: number;
  policy: ModerationPolicy;
}

/**
 * Where a policy edit is audited. Called inside the transaction that saves the new version, so an
 * audit entry and its version commit together. The moderation audit log binds its own adapter here;
 * until then edits are only logged (every version stays in `moderation_policies` regardless).
 */
export abstract class PolicyChangeAudit {
  abstract record(change: PolicyChange): Promise<void>;
}

@Injectable()
export class LoggedPolicyChanges extends PolicyChangeAudit {
  private readonly logger = new Logger('TrustSafetyPolicy');

  record({ previousVersion, policy }: PolicyChange): Promise<void> {
    this.logger.log(`Moderation policy version ${policy.version} (was ${previousVersion}) saved by ${policy.editedBy}`);
    return Promise.resolve();
  }
}
