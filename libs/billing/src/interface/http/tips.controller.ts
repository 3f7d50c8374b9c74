import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { ConnectPayoutAccountCommand } from '../../application/commands/connect-payout-account/connect-payout-account.command.js';
import { StartTipCommand } from '../../application/commands/start-tip/start-tip.command.js';
import { GetCreatorLedgerQuery } from '../../application/queries/get-creator-ledger/get-creator-ledger.query.js';
import { GetPayoutAccountQuery } from '../../application/queries/get-payout-account/get-payout-account.query.js';
import {
  ConnectPayoutAccountResponse,
  CreatorLedgerResponse,
  LedgerQuery,
  PayoutAccountResponse,
  StartTipRequest,
  StartTipResponse,
} from './tips.dto.js';

@ApiTags('tips and payouts')
@ApiBearerAuth()
@Controller('v1')
export class TipsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('billing/payout-account')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Connect a payout account (Stripe Express): returns the onboarding link',
    description:
      'Access: any signed-in user, for their own account. Creates the account once; each call returns a fresh link. The status follows the provider’s account.updated events.',
  })
  @ApiCreatedResponse({ type: ConnectPayoutAccountResponse })
  @ApiProblems(401)
  connect(@CurrentUser() principal: Principal) {
    return this.commands.execute(new ConnectPayoutAccountCommand(principal.userId));
  }

  @Get('billing/payout-account')
  @ApiOperation({
    summary: 'The caller’s payout account status and payout holds',
    description: 'Access: any signed-in user, their own account only.',
  })
  @ApiOkResponse({ type: PayoutAccountResponse })
  @ApiProblems(401)
  payoutAccount(@CurrentUser() principal: Principal) {
    return this.queries.execute(new GetPayoutAccountQuery(principal.userId));
  }

  @Get('billing/ledger')
  @ApiOperation({
    summary: 'The caller’s creator ledger: tips (gross, commission, net), reversals and payouts for a period',
    description: 'Access: any signed-in user, their own ledger only. Balances are all time.',
  })
  @ApiOkResponse({ type: CreatorLedgerResponse })
  @ApiProblems(400, 401)
  ledger(@CurrentUser() principal: Principal, @Query() query: LedgerQuery) {
    return this.queries.execute(new GetCreatorLedgerQuery(principal.userId, query.from, query.to));
  }

  @Post('tips')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Tip a creator or a video: returns the payment page',
    description:
      'Access: any signed-in user except the creator tipped. The platform keeps TIP_COMMISSION_PERCENT as the application fee; the rest goes to the creator. The tip settles when the provider confirms the payment (webhook).',
  })
  @ApiCreatedResponse({ type: StartTipResponse })
  @ApiProblems(400, 401, 404, 409, 422)
  tip(@CurrentUser() principal: Principal, @Body() body: StartTipRequest) {
    return this.commands.execute(
      new StartTipCommand(
        principal.userId,
        { creatorId: body.creatorId, videoId: body.videoId },
        body.amount,
        body.message ?? null,
        { successUrl: body.successUrl, cancelUrl: body.cancelUrl },
      ),
    );
  }
}
