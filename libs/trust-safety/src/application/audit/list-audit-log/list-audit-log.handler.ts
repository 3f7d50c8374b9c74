import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../audit-trail.js';
import { ListAuditLogQuery } from './list-audit-log.query.js';

/** Every moderator and admin action, newest first, filtered by actor, target, action and time. */
@QueryHandler(ListAuditLogQuery)
export class ListAuditLogHandler implements IQueryHandler<ListAuditLogQuery> {
  constructor(private readonly trail: AuditTrail) {}

  execute(query: ListAuditLogQuery) {
    return this.trail.page(query.filter, query.limit, query.cursor);
  }
}
