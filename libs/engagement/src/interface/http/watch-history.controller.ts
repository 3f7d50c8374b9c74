import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HttpCode } from '@nestjs/common';
import { ApiProblems, CurrentUser, CursorPageQuery, type Principal } from '@lib/platform';
import { ClearHistoryCommand } from '../../application/commands/clear-history/clear-history.command.js';
import { DeleteHistoryEntryCommand } from '../../application/commands/delete-history-entry/delete-history-entry.command.js';
import { ReportProgressCommand } from '../../application/commands/report-progress/report-progress.command.js';
import { SetHistorySettingsCommand } from '../../application/commands/set-history-settings/set-history-settings.command.js';
import { GetHistorySettingsQuery } from '../../application/queries/get-history-settings/get-history-settings.query.js';
import { ListWatchHistoryQuery } from '../../application/queries/list-watch-history/list-watch-history.query.js';
import {
  ClearedHistoryResponse,
  HistorySettingsBody,
  HistorySettingsResponse,
  ProgressResponse,
  ReportProgressBody,
  WatchEntryListResponse,
} from './interactions.dto.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('watch progress and history')
@ApiBearerAuth()
@Controller('v1/me')
export class WatchHistoryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('progress/:videoId')
  @ApiOperation({
    summary: 'Report the player’s position (every few seconds at most; also the `progress:report` socket event)',
    description:
      'Signed in; the video must be published and the caller allowed to watch it. Past 90% of the length, or with `creditsReached`, the video counts as completed. With history switched off nothing is kept (`recorded: false`).',
  })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  report(
    @CurrentUser() principal: Principal,
    @Param('videoId', uuid()) videoId: string,
    @Body() body: ReportProgressBody,
  ) {
    return this.commands.execute(
      new ReportProgressCommand(principal.userId, videoId, body.positionSeconds, body.creditsReached ?? false),
    );
  }

  @Get('continue-watching')
  @ApiOperation({
    summary: 'Videos the caller started and has not finished, newest first',
    description: 'Signed in: the caller’s own',
  })
  @ApiOkResponse({ type: WatchEntryListResponse })
  @ApiProblems(400, 401)
  continueWatching(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListWatchHistoryQuery(principal.userId, 'unfinished', page.limit, page.cursor));
  }

  @Get('history')
  @ApiOperation({ summary: 'The caller’s watch history, newest first', description: 'Signed in: the caller’s own' })
  @ApiOkResponse({ type: WatchEntryListResponse })
  @ApiProblems(400, 401)
  history(@CurrentUser() principal: Principal, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListWatchHistoryQuery(principal.userId, 'all', page.limit, page.cursor));
  }

  @Delete('history/:entryId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete one history entry',
    description: 'Signed in: the caller’s own entries only (others are 404)',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  async deleteEntry(@CurrentUser() principal: Principal, @Param('entryId', uuid()) entryId: string) {
    await this.commands.execute(new DeleteHistoryEntryCommand(principal.userId, entryId));
  }

  @Delete('history')
  @ApiOperation({ summary: 'Clear the caller’s whole watch history', description: 'Signed in: the caller’s own' })
  @ApiOkResponse({ type: ClearedHistoryResponse })
  @ApiProblems(401)
  clear(@CurrentUser() principal: Principal) {
    return this.commands.execute(new ClearHistoryCommand(principal.userId));
  }

  @Get('history/settings')
  @ApiOperation({ summary: 'Whether the caller keeps a watch history', description: 'Signed in: the caller’s own' })
  @ApiOkResponse({ type: HistorySettingsResponse })
  @ApiProblems(401)
  settings(@CurrentUser() principal: Principal) {
    return this.queries.execute(new GetHistorySettingsQuery(principal.userId));
  }

  @Put('history/settings')
  @ApiOperation({
    summary: 'Switch the watch history on or off (off clears it and keeps nothing new)',
    description: 'Signed in: the caller’s own',
  })
  @ApiOkResponse({ type: HistorySettingsResponse })
  @ApiProblems(400, 401)
  changeSettings(@CurrentUser() principal: Principal, @Body() body: HistorySettingsBody) {
    return this.commands.execute(new SetHistorySettingsCommand(principal.userId, body.enabled));
  }
}
