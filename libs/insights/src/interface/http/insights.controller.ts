import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { WeeklyReports } from '../../application/weekly-reports.js';
import { GetChannelOverviewQuery } from '../../application/queries/get-channel-overview/get-channel-overview.query.js';
import { GetVideoInsightsQuery } from '../../application/queries/get-video-insights/get-video-insights.query.js';
import { OverviewQuery, RangeQuery, WeeklyReportRequest } from './insights.dto.js';

@ApiTags('insights')
@ApiBearerAuth()
@Controller('v1/insights')
export class InsightsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly weekly: WeeklyReports,
  ) {}

  @Get('channels/:id/overview')
  @ApiOperation({
    summary:
      'A channel’s views, unique viewers, watch time, average view duration, completion rate, new followers and revenue',
    description:
      'Each figure with the previous period of the same length when `compare=previous`, and a time series in `tz` (hourly up to two days, ' +
      'daily beyond), and `recommendations`: impressions and clicks the channel’s videos got from recommendations in the range, in total, ' +
      'per surface and for its top videos (from `experiment_exposure` / `recommendation_impression` and `recommendation_click` events). ' +
      'Only the channel’s members may read it (others get 404 `insights.channel.not-found`).',
  })
  @ApiOkResponse({ description: 'Channel overview', schema: { type: 'object' } })
  @ApiProblems(400, 401, 403, 404)
  overview(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: OverviewQuery,
  ) {
    return this.queries.execute(
      new GetChannelOverviewQuery(
        principal.userId,
        id.toLowerCase(),
        new Date(query.from),
        new Date(query.to),
        query.tz ?? 'UTC',
        query.compare ?? 'none',
        query.granularity,
      ),
    );
  }

  @Get('videos/:id')
  @ApiOperation({
    summary:
      'One video: the overview figures, the audience retention curve (every 5%), traffic sources, countries and devices',
  })
  @ApiOkResponse({ description: 'Video analytics', schema: { type: 'object' } })
  @ApiProblems(400, 401, 403, 404)
  video(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: RangeQuery) {
    return this.queries.execute(
      new GetVideoInsightsQuery(
        principal.userId,
        id.toLowerCase(),
        new Date(query.from),
        new Date(query.to),
        query.tz ?? 'UTC',
        query.compare ?? 'none',
      ),
    );
  }

  @Put('channels/:id/weekly-report')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Opt in or out of the weekly e-mail report of a channel (sent on Mondays for the past week, UTC)',
  })
  @ApiOkResponse({ description: '`{ channelId, enabled }`', schema: { type: 'object' } })
  @ApiProblems(400, 401, 403, 404)
  async weeklyReport(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WeeklyReportRequest,
  ) {
    await this.weekly.setOptIn(principal.userId, id.toLowerCase(), body.enabled);
    return { channelId: id.toLowerCase(), enabled: body.enabled };
  }
}
