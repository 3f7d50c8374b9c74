import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { ListAuditLogQuery } from '../../application/audit/list-audit-log/list-audit-log.query.js';
import { AuditLogQuery, AuditPageResponse } from './moderation.dto.js';

@ApiTags('admin: audit log')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/audit-log')
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Every moderator and admin action, newest first',
    description:
      'Admins only. Append-only and hash-chained: each entry carries the previous entry’s hash; ' +
      '`npm run cli -- trust:verify-audit` checks the chain.',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiProblems(400, 401, 403)
  list(@Query() query: AuditLogQuery) {
    return this.queries.execute(
      new ListAuditLogQuery(
        {
          actorId: query.actorId?.toLowerCase(),
          action: query.action,
          targetType: query.targetType,
          targetId: query.targetId,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        },
        query.limit,
        query.cursor,
      ),
    );
  }
}
