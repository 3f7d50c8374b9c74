import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, type Principal } from '@lib/platform';
import { FileReportCommand } from '../../application/reports/file-report/file-report.command.js';
import { ListMyReportsQuery } from '../../application/reports/list-my-reports/list-my-reports.query.js';
import { FileReportRequest, ReportPageResponse, ReportResponse } from './reports.dto.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report a user, channel, video or message you can see',
    description:
      'Any signed-in member. Reporting the same target again updates your report. The reported person never learns who ' +
      'reported. Something that does not exist or that you cannot see is 404 `trust-safety.report.target-not-found`; ' +
      'more than 20 reports an hour is 429 `trust-safety.report.rate-limited`.',
  })
  @ApiOkResponse({ type: ReportResponse })
  @ApiProblems(400, 401, 403, 404, 422, 429)
  file(@CurrentUser() principal: Principal, @Body() body: FileReportRequest) {
    return this.commands.execute(
      new FileReportCommand(
        principal.userId,
        { type: body.target.type, id: body.target.id },
        body.category,
        body.details ?? '',
        {
          ...(body.evidence?.messageIds ? { messageIds: body.evidence.messageIds.map((id) => id.toLowerCase()) } : {}),
          ...(body.evidence?.videoRange
            ? {
                videoRange: {
                  fromSeconds: body.evidence.videoRange.fromSeconds,
                  toSeconds: body.evidence.videoRange.toSeconds,
                },
              }
            : {}),
        },
      ),
    );
  }

  @Get()
  @ApiOperation({
    summary: 'Your reports and their outcomes, most recently updated first',
    description: 'Any signed-in member; only their own reports.',
  })
  @ApiOkResponse({ type: ReportPageResponse })
  @ApiProblems(400, 401)
  mine(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListMyReportsQuery(principal.userId, page.limit, page.cursor));
  }
}
