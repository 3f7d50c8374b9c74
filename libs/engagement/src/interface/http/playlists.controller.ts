import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { ChangePlaylistCommand } from '../../application/commands/change-playlist/change-playlist.command.js';
import { CreatePlaylistCommand } from '../../application/commands/create-playlist/create-playlist.command.js';
import { DeletePlaylistCommand } from '../../application/commands/delete-playlist/delete-playlist.command.js';
import { ReorderPlaylistCommand } from '../../application/commands/reorder-playlist/reorder-playlist.command.js';
import { SetPlaylistItemCommand } from '../../application/commands/set-playlist-item/set-playlist-item.command.js';
import { GetPlaylistQuery } from '../../application/queries/get-playlist/get-playlist.query.js';
import { ListPlaylistsQuery } from '../../application/queries/list-playlists/list-playlists.query.js';
import { WATCH_LATER } from '../../application/playlists/playlist-views.js';
import { PlaylistInvalidError } from '../../domain/playlists/playlist.errors.js';
import { PlaylistNotFoundError } from '../../domain/playlists/playlist.errors.js';
import {
  ChangePlaylistBody,
  CreatePlaylistBody,
  PlaylistListResponse,
  PlaylistResponse,
  ReorderPlaylistBody,
} from './interactions.dto.js';

const uuid = () => new ParseUUIDPipe();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OWNER_ONLY = 'Signed in: the owner only; anyone else’s playlist (public or not) is 404';
const playlistParam = ApiParam({
  name: 'id',
  description: 'A playlist id, or `watch-later` for the caller’s built-in list',
});

/** A playlist id or `watch-later`; anything else is a 404 like an unknown id. */
function playlistRef(id: string): string {
  if (id !== WATCH_LATER && !UUID.test(id)) throw new PlaylistNotFoundError(id);
  return id;
}

@ApiTags('playlists')
@ApiBearerAuth()
@Controller('v1')
export class PlaylistsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me/playlists')
  @ApiOperation({ summary: 'The caller’s playlists: "watch later" first, then newest first', description: 'Signed in' })
  @ApiOkResponse({ type: PlaylistListResponse })
  @ApiProblems(401)
  mine(@CurrentUser() principal: Principal) {
    return this.queries.execute(new ListPlaylistsQuery(principal.userId));
  }

  @Post('me/playlists')
  @ApiOperation({ summary: 'Create a named playlist (private unless `visibility: public`)', description: 'Signed in' })
  @ApiCreatedResponse({ type: PlaylistResponse })
  @ApiProblems(400, 401)
  create(@CurrentUser() principal: Principal, @Body() body: CreatePlaylistBody) {
    return this.commands.execute(
      new CreatePlaylistCommand(principal.userId, body.title, body.description, body.visibility),
    );
  }

  @Get('playlists/:id')
  @playlistParam
  @ApiOperation({
    summary: 'A playlist and its videos in order',
    description: 'Signed in: the owner, or anyone for a public playlist; private ones of others are 404',
  })
  @ApiOkResponse({ type: PlaylistResponse })
  @ApiProblems(401, 404)
  get(@CurrentUser() principal: Principal, @Param('id') id: string) {
    return this.queries.execute(new GetPlaylistQuery(principal.userId, playlistRef(id)));
  }

  @Patch('playlists/:id')
  @playlistParam
  @ApiOperation({
    summary: 'Rename, describe, or make public/private ("watch later" cannot change: 422)',
    description: OWNER_ONLY,
  })
  @ApiOkResponse({ type: PlaylistResponse })
  @ApiProblems(400, 401, 404, 422)
  change(@CurrentUser() principal: Principal, @Param('id') id: string, @Body() body: ChangePlaylistBody) {
    return this.commands.execute(new ChangePlaylistCommand(principal.userId, playlistRef(id), body));
  }

  @Delete('playlists/:id')
  @HttpCode(204)
  @playlistParam
  @ApiOperation({ summary: 'Delete a playlist ("watch later" cannot be deleted: 422)', description: OWNER_ONLY })
  @ApiNoContentResponse()
  @ApiProblems(401, 404, 422)
  async delete(@CurrentUser() principal: Principal, @Param('id') id: string) {
    await this.commands.execute(new DeletePlaylistCommand(principal.userId, playlistRef(id)));
  }

  @Put('playlists/:id/items/:videoId')
  @playlistParam
  @ApiOperation({
    summary:
      'Add a video at the end (already there is harmless); each new item counts against the caller’s `library_items` (Free: 100, 402 `billing.quota.exceeded` beyond)',
    description: `${OWNER_ONLY}. The video must be published and the caller allowed to watch it`,
  })
  @ApiOkResponse({ type: PlaylistResponse })
  @ApiProblems(400, 401, 402, 403, 404, 422)
  addItem(@CurrentUser() principal: Principal, @Param('id') id: string, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new SetPlaylistItemCommand(principal.userId, playlistRef(id), videoId, true));
  }

  @Delete('playlists/:id/items/:videoId')
  @playlistParam
  @ApiOperation({ summary: 'Take a video out (not there is harmless)', description: OWNER_ONLY })
  @ApiOkResponse({ type: PlaylistResponse })
  @ApiProblems(400, 401, 404)
  removeItem(@CurrentUser() principal: Principal, @Param('id') id: string, @Param('videoId', uuid()) videoId: string) {
    return this.commands.execute(new SetPlaylistItemCommand(principal.userId, playlistRef(id), videoId, false));
  }

  @Patch('playlists/:id/items')
  @playlistParam
  @ApiOperation({
    summary: 'Reorder: `{ order: [videoIds] }` (every video once) or `{ move: { videoId, position } }`',
    description: OWNER_ONLY,
  })
  @ApiOkResponse({ type: PlaylistResponse })
  @ApiProblems(400, 401, 404, 422)
  reorder(@CurrentUser() principal: Principal, @Param('id') id: string, @Body() body: ReorderPlaylistBody) {
    if (!body.order === !body.move) throw new PlaylistInvalidError('Send either `order` or `move`');
    const change = body.order ? { order: body.order } : { move: body.move! };
    return this.commands.execute(new ReorderPlaylistCommand(principal.userId, playlistRef(id), change));
  }
}
