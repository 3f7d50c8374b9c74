import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { GetDmcaNoticeQuery } from '../../application/dmca/get-dmca-notice/get-dmca-notice.query.js';
import { ListDmcaNoticesQuery } from '../../application/dmca/list-dmca-notices/list-dmca-notices.query.js';
import { ReportCourtActionCommand } from '../../application/dmca/report-court-action/report-court-action.command.js';
import { CourtActionRequest, DmcaNoticeListQuery, DmcaNoticePageResponse, DmcaNoticeResponse } from './dmca.dto.js';

@ApiTags('admin: moderation')
@ApiBearerAuth()
@Roles('moderator')
@Controller('v1/admin/moderation/dmca')
export class DmcaAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'DMCA notices, newest first',
    description: 'Moderators and admins. Filters: `status`, `uploaderId`, `videoId`.',
  })
  @ApiOkResponse({ type: DmcaNoticePageResponse })
  @ApiProblems(400, 401, 403)
  list(@Query() query: DmcaNoticeListQuery) {
    return this.queries.execute(
      new ListDmcaNoticesQuery(
        { status: query.status, uploaderId: query.uploaderId?.toLowerCase(), videoId: query.videoId?.toLowerCase() },
        query.limit,
        query.cursor,
      ),
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One DMCA notice with its counter-notice and court action',
    description: 'Moderators and admins.',
  })
  @ApiOkResponse({ type: DmcaNoticeResponse })
  @ApiProblems(400, 401, 403, 404)
  one(@Param('id', ParseUUIDPipe) noticeId: string) {
    return this.queries.execute(new GetDmcaNoticeQuery(noticeId.toLowerCase()));
  }

  @Post(':id/court-action')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the claimant went to court: the material stays down',
    description:
      'Moderators and admins. Cancels a scheduled restoration; after restoration it is 409 `trust-safety.dmca.step-not-allowed`.',
  })
  @ApiOkResponse({ type: DmcaNoticeResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  courtAction(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) noticeId: string,
    @Body() body: CourtActionRequest,
  ) {
    return this.commands.execute(
      new ReportCourtActionCommand(noticeId.toLowerCase(), { moderatorId: principal.userId }, body.details),
    );
  }
}
