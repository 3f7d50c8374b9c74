import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../contracts/index.js';
import { PolicyChangeAudit, type PolicyChange } from '../policy/policy-change-audit.js';

/** Policy edits go to the audit log, in the transaction that saves the new version. */
@Injectable()
export class AuditedPolicyChanges extends PolicyChangeAudit {
  constructor(private readonly audit: AuditLog) {
    super();
  }

  record({ previousVersion, policy }: PolicyChange): Promise<void> {
    return this.audit.record({
      actorId: policy.editedBy,
      action: 'trust-safety.policy.changed',
      target: { type: 'moderation-policy', id: String(policy.version) },
      data: { previousVersion, version: policy.version },
    });
  }
}
