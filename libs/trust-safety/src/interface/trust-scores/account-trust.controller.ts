import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { GetAccountModerationQuery } from '../../application/trust-scores/get-account-moderation/get-account-moderation.query.js';
import { PinTrustLevelCommand } from '../../application/trust-scores/pin-trust-level/pin-trust-level.command.js';
import { UnpinTrustLevelCommand } from '../../application/trust-scores/unpin-trust-level/unpin-trust-level.command.js';
import { AccountModerationResponse, PinTrustLevelRequest } from './account-trust.dto.js';

@ApiTags('admin: moderation')
@ApiBearerAuth()
@Roles('moderator')
@Controller('v1/admin/moderation/accounts')
export class AccountTrustController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':userId')
  @ApiOperation({
    summary: 'An account as moderators see it: trust score, its inputs, level, pin and sanctions',
    description: 'Moderators and admins. 404 `trust-safety.account.not-found` for an unknown account.',
  })
  @ApiOkResponse({ type: AccountModerationResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('userId', new ParseUUIDPipe()) userId: string) {
    return this.queries.execute(new GetAccountModerationQuery(userId.toLowerCase()));
  }

  @Put(':userId/trust')
  @ApiOperation({
    summary: 'Pin the account’s trust level',
    description:
      'Moderators and admins. The pinned level is in force (limits, report weight, write budget) until the pin is ' +
      'removed; scores keep being recomputed underneath. Audited as `trust-safety.trust.pinned`.',
  })
  @ApiOkResponse({ type: AccountModerationResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  pin(
    @CurrentUser() principal: Principal,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: PinTrustLevelRequest,
  ) {
    return this.commands.execute(
      new PinTrustLevelCommand(userId.toLowerCase(), principal.userId, body.level, body.reason),
    );
  }

  @Delete(':userId/trust')
  @ApiOperation({
    summary: 'Remove the pin: the computed level is in force again',
    description: 'Moderators and admins. Idempotent; audited as `trust-safety.trust.unpinned` when a pin was removed.',
  })
  @ApiOkResponse({ type: AccountModerationResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  unpin(@CurrentUser() principal: Principal, @Param('userId', new ParseUUIDPipe()) userId: string) {
    return this.commands.execute(new UnpinTrustLevelCommand(userId.toLowerCase(), principal.userId));
  }
}
