import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { BuyGiftCommand } from '../../application/commands/buy-gift/buy-gift.command.js';
import { RedeemGiftCommand } from '../../application/commands/redeem-gift/redeem-gift.command.js';
import { RefundGiftCommand } from '../../application/commands/refund-gift/refund-gift.command.js';
import { GetGiftQuery } from '../../application/queries/get-gift/get-gift.query.js';
import { ListGiftsQuery } from '../../application/queries/list-gifts/list-gifts.query.js';
import {
  BuyGiftRequest,
  BuyGiftResponse,
  GiftListResponse,
  GiftPreviewResponse,
  GiftResponse,
  RedeemGiftResponse,
} from './gifts.dto.js';

const CODE = /^[0-9A-Za-z-]{1,40}$/;

@ApiTags('gifts')
@Controller('v1/gifts')
export class GiftsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Buy a month or a year of a plan as a gift: returns the payment page',
    description:
      'Access: any signed-in user. A one-off payment at the plan’s price for the period. Once the provider confirms it (webhook) the gift gets its code (GET /v1/gifts) and the recipient, if given, an e-mail with the link.',
  })
  @ApiCreatedResponse({ type: BuyGiftResponse })
  @ApiProblems(400, 401, 404, 409, 422)
  buy(@CurrentUser() principal: Principal, @Body() body: BuyGiftRequest) {
    return this.commands.execute(
      new BuyGiftCommand(
        principal.userId,
        body.planId,
        body.period,
        body.recipientEmail ?? null,
        body.message ?? null,
        {
          successUrl: body.successUrl,
          cancelUrl: body.cancelUrl,
        },
      ),
    );
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The gifts the caller bought, with their codes and redemption links once paid',
    description: 'Access: any signed-in user, their own purchases only.',
  })
  @ApiOkResponse({ type: GiftListResponse })
  @ApiProblems(401)
  list(@CurrentUser() principal: Principal) {
    return this.queries.execute(new ListGiftsQuery(principal.userId));
  }

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'What a gift code gives: plan, period, from whom, and whether it can still be redeemed',
    description:
      'Access: public (the code is the secret, as with a link). Never shows an e-mail address. Unknown or unpaid codes are 404 `billing.gift.not-found`.',
  })
  @ApiOkResponse({ type: GiftPreviewResponse })
  @ApiProblems(404)
  preview(@Param('code') code: string) {
    return this.queries.execute(new GetGiftQuery(CODE.test(code) ? code : '-'));
  }

  @Post(':code/redeem')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Redeem a gift: its plan for its period, then the previous plan again',
    description:
      'Access: any signed-in user holding the code (the buyer included). Once, within 365 days of the payment: 409 `billing.gift.already-redeemed`, 422 `billing.gift.expired`, 409 `billing.gift.refunded` / `billing.gift.disputed` (its payment charged back) / `billing.gift.not-paid`; not on top of an active paid subscription or a gift in force of the same plan: 409 `billing.gift.plan-already-active`.',
  })
  @ApiOkResponse({ type: RedeemGiftResponse })
  @ApiProblems(401, 404, 409, 422)
  redeem(@CurrentUser() principal: Principal, @Param('code') code: string) {
    return this.commands.execute(new RedeemGiftCommand(principal.userId, CODE.test(code) ? code : '-'));
  }

  @Post(':id/refund')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Refund a gift nobody has redeemed',
    description:
      'Access: the buyer only (another person’s gift is 404 `billing.gift.not-found`). The whole payment is refunded at the provider; a redeemed gift is 409 `billing.gift.already-redeemed`, a disputed one 409 `billing.gift.not-refundable`.',
  })
  @ApiOkResponse({ type: GiftResponse })
  @ApiProblems(400, 401, 404, 409)
  refund(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new RefundGiftCommand(principal.userId, id));
  }
}
