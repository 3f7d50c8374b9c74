import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { MarkNotificationsReadCommand } from '../../application/commands/mark-notifications-read/mark-notifications-read.command.js';
import {
  SetNotificationPreferencesCommand,
  type PreferenceChanges,
} from '../../application/commands/set-notification-preferences/set-notification-preferences.command.js';
import { GetNotificationPreferencesQuery } from '../../application/queries/get-notification-preferences/get-notification-preferences.query.js';
import { ListNotificationsQuery } from '../../application/queries/list-notifications/list-notifications.query.js';
import {
  MarkedResponse,
  NotificationListQuery,
  NOTIFICATION_VARIANTS,
  NotificationPageResponse,
  PreferencesRequest,
} from './notifications.dto.js';
import { NOTIFICATION_DATA_MODELS } from './notification-data.dto.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiExtraModels(...NOTIFICATION_VARIANTS, ...NOTIFICATION_DATA_MODELS)
@Controller('v1/notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s notifications, newest activity first, with the unread count',
    description: 'New ones are also pushed as `notification:new` on the socket.',
  })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentUser() principal: Principal, @Query() query: NotificationListQuery) {
    return this.queries.execute(
      new ListNotificationsQuery(principal.userId, query.unread ?? false, query.limit, query.cursor),
    );
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification read' })
  @ApiOkResponse({ type: MarkedResponse })
  @ApiProblems(401)
  readAll(@CurrentUser() principal: Principal) {
    return this.commands.execute(new MarkNotificationsReadCommand(principal.userId, null));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiOkResponse({ type: MarkedResponse })
  @ApiProblems(400, 401, 404)
  read(@CurrentUser() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.commands.execute(new MarkNotificationsReadCommand(principal.userId, id));
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Per type: shown in the app, sent by e-mail' })
  @ApiOkResponse({ schema: { example: { 'follower.new': { inApp: true, email: false } } } })
  @ApiProblems(401)
  preferences(@CurrentUser() principal: Principal) {
    return this.queries.execute(new GetNotificationPreferencesQuery(principal.userId));
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Change some types’ preferences (others are kept)' })
  @ApiOkResponse({ schema: { example: { 'follower.new': { inApp: true, email: false } } } })
  @ApiProblems(400, 401)
  setPreferences(@CurrentUser() principal: Principal, @Body() body: PreferencesRequest) {
    return this.commands.execute(
      new SetNotificationPreferencesCommand(principal.userId, body.preferences as PreferenceChanges),
    );
  }
}
