import { Injectable } from '@nestjs/common';
import { AuditTrail, type ChainVerification } from './audit-trail.js';

/** `npm run cli -- trust:verify-audit`: walks the hash chain so an edited or deleted entry is found. */
@Injectable()
export class VerifyAuditChain {
  constructor(private readonly trail: AuditTrail) {}

  run(onProgress?: (checked: number, total: number) => void): Promise<ChainVerification> {
    return this.trail.verify(onProgress);
  }
}
