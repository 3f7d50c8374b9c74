import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllowedWhileBanned,
  AllowedWhileSuspended,
  ApiProblems,
  CurrentUser,
  CursorPageQuery,
  type Principal,
} from '@lib/platform';
import { FileAppealCommand } from '../../application/appeals/file-appeal/file-appeal.command.js';
import { ListMyAppealsQuery } from '../../application/appeals/list-my-appeals/list-my-appeals.query.js';
import { AppealPageResponse, AppealResponse, FileAppealRequest } from './appeals.dto.js';

@ApiTags('appeals')
@ApiBearerAuth()
@Controller('v1/appeals')
export class AppealsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @AllowedWhileSuspended()
  @AllowedWhileBanned()
  @ApiOperation({
    summary: 'Appeal a moderation decision about you',
    description:
      'Any signed-in member, suspended and banned ones included; only the decision’s subject (anyone else: 404 ' +
      '`trust-safety.appeal.decision-not-found`). One appeal per decision (409 `trust-safety.appeal.already-filed`), ' +
      'within 20 days (422 `trust-safety.appeal.window-closed`), text up to 2,000 characters (400 ' +
      '`trust-safety.appeal.text-too-long`); dismissals and approvals are not appealable (422 `trust-safety.appeal.not-appealable`).',
  })
  @ApiCreatedResponse({ type: AppealResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  file(@CurrentUser() principal: Principal, @Body() body: FileAppealRequest) {
    return this.commands.execute(new FileAppealCommand(principal.userId, body.decisionId.toLowerCase(), body.text));
  }

  @Get()
  @AllowedWhileBanned()
  @ApiOperation({
    summary: 'Your appeals and their outcomes, newest first',
    description: 'Any signed-in member; only their own.',
  })
  @ApiOkResponse({ type: AppealPageResponse })
  @ApiProblems(400, 401)
  mine(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListMyAppealsQuery(principal.userId, page.limit, page.cursor));
  }
}
