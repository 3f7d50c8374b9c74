import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { GetPlatformOverviewQuery } from '../../application/queries/get-platform-overview/get-platform-overview.query.js';
import { PlatformQuery } from './insights.dto.js';

@ApiTags('admin: insights')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/insights')
export class AdminInsightsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('overview')
  @ApiOperation({
    summary:
      'Platform analytics: DAU/WAU/MAU, new users, weekly retention cohorts, the conversion funnel, top content, MRR and churn',
    description:
      'UTC days. Active users as of the end of the range; cohorts are signup weeks × weeks since signup; the funnel is visitors → signups → ' +
      'first view → subscription within the range; MRR, its movements (new, expansion, contraction, churn, reactivation) and churn are billing’s own, from billing.mrr-movement-recorded.v1. ' +
      '`revenueStreams` (per UTC day and currency) and `revenueStreamTotals` (per currency) are the net of tips, commission, gifts, ads and overage in minor units, from billing’s revenue journal (RevenueStreams port); currencies are never added together. ' +
      '`ads` is ad delivery from ads’ AdPerformance port over the UTC days the range touches (at most the last 92; `truncated` says so): ' +
      '`byCampaign` (with `name`), `byCreative`, `byPlacement` and `byDay` rows of requests, decisions, impressions, clicks, CTR, spend (minor units), ' +
      'RPM (per 1,000 requests) and fill rate, per currency — the same figures as `GET /v1/admin/ads/metrics`.',
  })
  @ApiOkResponse({ description: 'Platform overview', schema: { type: 'object' } })
  @ApiProblems(400, 401, 403)
  overview(@Query() query: PlatformQuery) {
    return this.queries.execute(new GetPlatformOverviewQuery(new Date(query.from), new Date(query.to)));
  }
}
