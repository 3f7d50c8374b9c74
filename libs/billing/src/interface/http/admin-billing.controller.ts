import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, Roles, type Principal } from '@lib/platform';
import { ArchivePlanCommand } from '../../application/commands/archive-plan/archive-plan.command.js';
import { IssueRefundCommand } from '../../application/commands/issue-refund/issue-refund.command.js';
import { ReplayWebhookCommand } from '../../application/commands/replay-webhook/replay-webhook.command.js';
import { GetRevenueMetricsQuery } from '../../application/queries/get-revenue-metrics/get-revenue-metrics.query.js';
import { ListPaymentsQuery } from '../../application/queries/list-payments/list-payments.query.js';
import { ListPlansQuery } from '../../application/queries/list-plans/list-plans.query.js';
import { ListWebhooksQuery } from '../../application/queries/list-webhooks/list-webhooks.query.js';
import {
  PaymentPageResponse,
  PlanResponse,
  RefundRequest,
  RefundResponse,
  RevenueMetricsQuery,
  WebhookEventResponse,
  WebhookListQuery,
  WebhookPageResponse,
} from './billing.dto.js';

@ApiTags('admin: billing')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/billing')
export class AdminBillingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('refunds')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Refund a payment (in full or in part) and issue a credit note',
    description:
      'Payments older than the refund policy window (30 days by default) need `force: true` and a `comment`.',
  })
  @ApiCreatedResponse({ type: RefundResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  refund(@CurrentUser() principal: Principal, @Body() body: RefundRequest) {
    return this.commands.execute(
      new IssueRefundCommand(
        principal.userId,
        body.paymentId,
        body.amount,
        body.reason,
        body.comment?.trim() || null,
        body.force ?? false,
      ),
    );
  }

  @Get('payments')
  @ApiOperation({ summary: 'Every payment, newest first' })
  @ApiOkResponse({ type: PaymentPageResponse })
  @ApiProblems(400, 401, 403)
  payments(@Query() page: CursorPageQuery) {
    return this.queries.execute(new ListPaymentsQuery(null, page.limit, page.cursor));
  }

  @Get('webhooks')
  @ApiOperation({
    summary: 'Received webhook events, newest first (filter by status to find failed or unresolved ones)',
  })
  @ApiOkResponse({ type: WebhookPageResponse })
  @ApiProblems(400, 401, 403)
  webhooks(@Query() query: WebhookListQuery) {
    return this.queries.execute(
      new ListWebhooksQuery({ status: query.status, type: query.type }, query.limit, query.cursor),
    );
  }

  @Post('webhooks/:id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Process a stored webhook event again (safe: effects are idempotent)' })
  @ApiAcceptedResponse({ type: WebhookEventResponse })
  @ApiProblems(400, 401, 403, 404)
  replay(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new ReplayWebhookCommand(id, principal.userId));
  }

  @Get('metrics')
  @ApiOperation({
    summary: 'Revenue: MRR and its movements, subscribers by plan, churn, ARPU, LTV',
    description: 'Per currency, in UTC buckets. MRR normalises yearly prices to months and excludes trials.',
  })
  @ApiOkResponse({ description: 'A revenue report', schema: { type: 'object' } })
  @ApiProblems(400, 401, 403)
  metrics(@Query() query: RevenueMetricsQuery) {
    return this.queries.execute(new GetRevenueMetricsQuery(query.from, query.to, query.interval));
  }

  @Get('plans')
  @ApiOperation({ summary: 'Every plan, archived ones included' })
  @ApiOkResponse({ type: [PlanResponse] })
  @ApiProblems(401, 403)
  plans() {
    return this.queries.execute(new ListPlansQuery(true));
  }

  @Post('plans/:id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop selling a plan (its subscribers keep renewing)' })
  @ApiOkResponse({ type: PlanResponse })
  @ApiProblems(400, 401, 403, 404)
  archive(@CurrentUser() principal: Principal, @Param('id') id: string) {
    return this.commands.execute(new ArchivePlanCommand(id, true, principal.userId));
  }

  @Post('plans/:id/unarchive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sell an archived plan again' })
  @ApiOkResponse({ type: PlanResponse })
  @ApiProblems(401, 403, 404)
  unarchive(@CurrentUser() principal: Principal, @Param('id') id: string) {
    return this.commands.execute(new ArchivePlanCommand(id, false, principal.userId));
  }
}
