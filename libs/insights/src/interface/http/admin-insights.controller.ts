import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { ApiProblems, Roles } from '@lib/platform';
import {
  REVENUE_STREAMS_COLUMNS,
  type RevenueStreamsTable,
} from '../../application/queries/export-revenue-streams/export-revenue-streams.handler.js';
import { ExportRevenueStreamsQuery } from '../../application/queries/export-revenue-streams/export-revenue-streams.query.js';
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
      '`revenueStreams` (per UTC day and currency) and `revenueStreamTotals` (per currency) are the net of tips, commission, gifts, ads and overage in minor units, from billing’s revenue journal entries (billing.revenue-recorded.v1, one row each in insights); currencies are never added together. ' +
      '`ads` is ad delivery from ads’ AdPerformance port over the UTC days the range touches (at most the last 92; `truncated` says so): ' +
      '`byCampaign` (with `name`), `byCreative`, `byPlacement` and `byDay` rows of requests, decisions, impressions, clicks, CTR, spend (minor units), ' +
      'RPM (per 1,000 requests) and fill rate, per currency — the same figures as `GET /v1/admin/ads/metrics`.',
  })
  @ApiOkResponse({ description: 'Platform overview', schema: { type: 'object' } })
  @ApiProblems(400, 401, 403)
  overview(@Query() query: PlatformQuery) {
    return this.queries.execute(new GetPlatformOverviewQuery(new Date(query.from), new Date(query.to)));
  }

  @Get('exports/revenue-streams')
  @ApiOperation({
    summary: 'Download the revenue streams besides subscriptions as CSV, one row per UTC day and currency',
    description:
      'Columns: day, currency, tips, commission, gifts, ads, overage — net minor units, the same figures as the overview’s ' +
      '`revenueStreams` and the admin revenue metrics’ `streams`. Days without entries are left out; at most 400 days.',
  })
  @ApiOkResponse({ description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiProblems(400, 401, 403)
  async exportRevenueStreams(@Query() query: PlatformQuery, @Res() reply: FastifyReply): Promise<void> {
    const table = await this.queries.execute<ExportRevenueStreamsQuery, RevenueStreamsTable>(
      new ExportRevenueStreamsQuery(new Date(query.from), new Date(query.to)),
    );
    const name = `revenue-streams-${table.from.toISOString().slice(0, 10)}-${table.to.toISOString().slice(0, 10)}.csv`;
    await reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(stringify(table.rows, { header: true, columns: [...REVENUE_STREAMS_COLUMNS] }));
  }
}
