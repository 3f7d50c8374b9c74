import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, Public, type Principal } from '@lib/platform';
import { ChangeSubscriptionCommand } from '../../application/commands/change-subscription/change-subscription.command.js';
import { ManageSubscriptionCommand } from '../../application/commands/manage-subscription/manage-subscription.command.js';
import { OpenPortalCommand } from '../../application/commands/open-portal/open-portal.command.js';
import { StartCheckoutCommand } from '../../application/commands/start-checkout/start-checkout.command.js';
import { GetBillingOverviewQuery } from '../../application/queries/get-billing-overview/get-billing-overview.query.js';
import { GetInvoiceQuery } from '../../application/queries/get-invoice/get-invoice.query.js';
import { ListInvoicesQuery } from '../../application/queries/list-invoices/list-invoices.query.js';
import { ListPaymentsQuery } from '../../application/queries/list-payments/list-payments.query.js';
import { ListPlansQuery } from '../../application/queries/list-plans/list-plans.query.js';
import {
  BillingOverviewResponse,
  CancelSubscriptionRequest,
  ChangeSubscriptionRequest,
  ChangeSubscriptionResponse,
  CheckoutRequest,
  CheckoutResponse,
  InvoicePageResponse,
  InvoiceResponse,
  PaymentPageResponse,
  PlanResponse,
  SubscriptionResponse,
  UrlResponse,
} from './billing.dto.js';

@ApiTags('billing')
@Controller('v1/billing')
export class BillingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('plans')
  @Public()
  @ApiOperation({ summary: 'The plans on sale, with prices and entitlements' })
  @ApiOkResponse({ type: [PlanResponse] })
  plans() {
    return this.queries.execute(new ListPlansQuery(false));
  }

  @Post('checkout')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Start a checkout for a plan',
    description:
      'Returns the payment page to send the user to. The subscription exists once the provider confirms the payment (webhook).',
  })
  @ApiCreatedResponse({ type: CheckoutResponse })
  @ApiProblems(400, 401, 404, 409, 422)
  checkout(@CurrentUser() principal: Principal, @Body() body: CheckoutRequest) {
    return this.commands.execute(
      new StartCheckoutCommand(
        principal.userId,
        body.planId,
        body.interval,
        body.attribution ?? {},
        { successUrl: body.successUrl, cancelUrl: body.cancelUrl },
        body.offerCode?.trim() || null,
      ),
    );
  }

  @Post('portal')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open the payment provider’s customer portal (payment methods, invoices, cancellation)' })
  @ApiCreatedResponse({ type: UrlResponse })
  @ApiProblems(401)
  portal(@CurrentUser() principal: Principal) {
    return this.commands.execute(new OpenPortalCommand(principal.userId));
  }

  @Get('subscription')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s plan, subscription, entitlements and usage' })
  @ApiOkResponse({ type: BillingOverviewResponse })
  @ApiProblems(401)
  subscription(@CurrentUser() principal: Principal) {
    return this.queries.execute(new GetBillingOverviewQuery(principal.userId));
  }

  @Post('subscription/change')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Upgrade or downgrade (or quote it with `preview: true`)',
    description:
      'An upgrade applies now and charges the prorated difference; a downgrade applies at the period end, with warnings for quotas already above the new limits.',
  })
  @ApiOkResponse({ type: ChangeSubscriptionResponse })
  @ApiProblems(400, 401, 404, 409)
  change(@CurrentUser() principal: Principal, @Body() body: ChangeSubscriptionRequest) {
    return this.commands.execute(
      new ChangeSubscriptionCommand(principal.userId, body.planId, body.interval, body.preview ?? false),
    );
  }

  @Post('subscription/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cancel at the period end (default) or now, with a reason' })
  @ApiOkResponse({ type: SubscriptionResponse })
  @ApiProblems(400, 401, 404, 409)
  cancel(@CurrentUser() principal: Principal, @Body() body: CancelSubscriptionRequest) {
    return this.commands.execute(
      new ManageSubscriptionCommand(principal.userId, {
        kind: 'cancel',
        atPeriodEnd: body.atPeriodEnd ?? true,
        feedback: body.reason ?? null,
        comment: body.comment ?? null,
      }),
    );
  }

  @Post('subscription/pause')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Pause the subscription (no billing, no paid access) until resumed' })
  @ApiOkResponse({ type: SubscriptionResponse })
  @ApiProblems(401, 404, 409)
  pause(@CurrentUser() principal: Principal) {
    return this.commands.execute(new ManageSubscriptionCommand(principal.userId, { kind: 'pause' }));
  }

  @Post('subscription/resume')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Resume a paused subscription, or take back a cancellation scheduled for the period end' })
  @ApiOkResponse({ type: SubscriptionResponse })
  @ApiProblems(401, 404, 409)
  resume(@CurrentUser() principal: Principal) {
    return this.commands.execute(new ManageSubscriptionCommand(principal.userId, { kind: 'resume' }));
  }

  @Get('invoices')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s invoices, newest first, with credit notes' })
  @ApiOkResponse({ type: InvoicePageResponse })
  @ApiProblems(400, 401)
  invoices(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListInvoicesQuery(principal.userId, page.limit, page.cursor));
  }

  @Get('invoices/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One of the caller’s invoices, with its credit notes' })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiProblems(400, 401, 404)
  invoice(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetInvoiceQuery(principal.userId, id));
  }

  @Get('payments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s payments, newest first, with refunds' })
  @ApiOkResponse({ type: PaymentPageResponse })
  @ApiProblems(400, 401)
  payments(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListPaymentsQuery(principal.userId, page.limit, page.cursor));
  }
}
