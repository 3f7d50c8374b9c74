import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, Roles, type Principal } from '@lib/platform';
import { ArchiveOfferCommand } from '../../application/commands/archive-offer/archive-offer.command.js';
import { CreateOfferCommand } from '../../application/commands/create-offer/create-offer.command.js';
import { GetOfferQuery } from '../../application/queries/get-offer/get-offer.query.js';
import { ListOffersQuery } from '../../application/queries/list-offers/list-offers.query.js';
import { CreateOfferRequest, ListOffersQueryDto, OfferResponse, PublicOfferResponse } from './offers.dto.js';

const ADMIN = '**Access: admin role.** ';
const PUBLIC = '**Access: public, no authentication** (the code is meant to be shared). ';

@ApiTags('admin: offers')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/offers')
export class AdminOffersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an offer: a percent or fixed discount, or an extended trial, shared as a code or link',
    description:
      ADMIN +
      'A discount offer is created at the payment provider as a coupon (limited to the plans, ending at validUntil, ' +
      'with as many redemptions) and a promotion code with the same code. 400 `billing.offer.conflicting-discount`, ' +
      '`billing.offer.percent-out-of-range`, `billing.offer.invalid`; 409 `billing.offer.code-taken`, `billing.plan.not-synced`.',
  })
  @ApiCreatedResponse({ type: OfferResponse })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentUser() principal: Principal, @Body() body: CreateOfferRequest) {
    return this.commands.execute(
      new CreateOfferCommand(principal.userId, {
        code: body.code,
        name: body.name,
        percentOff: body.percentOff ?? null,
        amountOff: body.amountOff ?? null,
        currency: body.currency ?? null,
        trialDays: body.trialDays ?? null,
        duration: body.duration ?? null,
        durationInMonths: body.durationInMonths ?? null,
        planIds: body.planIds ?? [],
        validFrom: body.validFrom ?? null,
        validUntil: body.validUntil ?? null,
        maxRedemptions: body.maxRedemptions ?? null,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Offers, newest first, with their redemption counts', description: ADMIN })
  @ApiOkResponse({ type: [OfferResponse] })
  @ApiProblems(400, 401, 403)
  list(@Query() query: ListOffersQueryDto) {
    return this.queries.execute(new ListOffersQuery(query.includeArchived ?? false));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw an offer (new checkouts refused; subscriptions that have it keep their discount)',
    description: ADMIN + 'Its promotion code is deactivated at the provider. 404 `billing.offer.not-found`.',
  })
  @ApiOkResponse({ type: OfferResponse })
  @ApiProblems(400, 401, 403, 404)
  archive(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new ArchiveOfferCommand(id, principal.userId));
  }
}

@ApiTags('billing')
@Controller('v1/offers')
export class OffersController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'What a shared offer code gives, for which plans, and whether it can still be used',
    description:
      PUBLIC +
      'Case-insensitive. An offer that can no longer be used is still described, with `redeemable: false` and the ' +
      'reason; an unknown code is 404 `billing.offer.not-found`. Use it at checkout as `offerCode`.',
  })
  @ApiOkResponse({ type: PublicOfferResponse })
  @ApiProblems(404)
  get(@Param('code') code: string) {
    return this.queries.execute(new GetOfferQuery(code));
  }
}
