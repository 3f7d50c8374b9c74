import { Injectable } from '@nestjs/common';
import { AuditLog, type AuditEntry } from '../../contracts/index.js';
import { AuditTrail } from './audit-trail.js';

/** The contract port other contexts call; entries join the caller's transaction. */
@Injectable()
export class ChainedAuditLog extends AuditLog {
  constructor(private readonly trail: AuditTrail) {
    super();
  }

  record(entry: AuditEntry): Promise<void> {
    return this.trail.append(entry, new Date());
  }
}
