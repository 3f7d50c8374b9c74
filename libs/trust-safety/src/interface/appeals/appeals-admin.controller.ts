import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { DecideAppealCommand } from '../../application/appeals/decide-appeal/decide-appeal.command.js';
import { GetAppealQuery } from '../../application/appeals/get-appeal/get-appeal.query.js';
import { LiftSanctionCommand } from '../../application/appeals/lift-sanction/lift-sanction.command.js';
import { GetModerationStatsQuery } from '../../application/moderation-stats/get-moderation-stats/get-moderation-stats.query.js';
import {
  AppealDetailResponse,
  DecideAppealRequest,
  LiftSanctionRequest,
  ModerationStatsResponse,
  SanctionLiftResponse,
  StatsQuery,
} from './appeals.dto.js';

@ApiTags('admin: moderation')
@ApiBearerAuth()
@Roles('moderator')
@Controller('v1/admin/moderation')
export class AppealsAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('appeals/:id')
  @ApiOperation({
    summary: 'One appeal, with who appealed and who made the decision',
    description: 'Moderators and admins.',
  })
  @ApiOkResponse({ type: AppealDetailResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.execute(new GetAppealQuery(id));
  }

  @Post('appeals/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Uphold or deny an appeal',
    description:
      'Moderators and admins, except the one who made the appealed decision (403 `trust-safety.appeal.same-moderator`). ' +
      'Upheld: content is restored through its owner and a timeout, suspension or ban in force is lifted. The appellant ' +
      'is notified, the queue item resolved, the audit log written. Deciding again returns the first outcome.',
  })
  @ApiOkResponse({ type: AppealDetailResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  decide(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideAppealRequest,
  ) {
    return this.commands.execute(new DecideAppealCommand(id, principal.userId, body.outcome, body.reason));
  }

  @Post('accounts/:userId/lift')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lift a timeout, suspension or ban in force',
    description:
      'Moderators and admins. Audit-logged; other contexts hear `trust-safety.account-sanction-changed.v1` (`lifted`). ' +
      'No such sanction in force: 409 `trust-safety.sanction.not-in-force`.',
  })
  @ApiOkResponse({ type: SanctionLiftResponse })
  @ApiProblems(400, 401, 403, 409)
  lift(
    @CurrentUser() principal: Principal,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: LiftSanctionRequest,
  ) {
    return this.commands.execute(
      new LiftSanctionCommand(userId.toLowerCase(), body.sanction, principal.userId, body.reason),
    );
  }

  @Get('stats')
  @ApiOperation({
    summary: 'Moderation statistics',
    description:
      'Moderators and admins. Open items by kind, median time to first action, SLA breaches, actions by type, appeal ' +
      'overturn rate, reports by category and the spam model’s live precision from moderators’ decisions, over `days`.',
  })
  @ApiOkResponse({ type: ModerationStatsResponse })
  @ApiProblems(400, 401, 403)
  stats(@Query() query: StatsQuery) {
    return this.queries.execute(new GetModerationStatsQuery(query.days));
  }
}
