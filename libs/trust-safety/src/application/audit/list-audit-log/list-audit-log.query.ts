import { Query } from '@nestjs/cqrs';
import type { AuditEntryView, AuditFilter } from '../audit-trail.js';

export class ListAuditLogQuery extends Query<{ items: AuditEntryView[]; nextCursor?: string }> {
  constructor(
    readonly filter: AuditFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
