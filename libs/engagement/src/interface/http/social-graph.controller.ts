import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, type Principal } from '@lib/platform';
import { SetFollowCommand } from '../../application/commands/set-follow/set-follow.command.js';
import { SetRestrictionCommand } from '../../application/commands/set-restriction/set-restriction.command.js';
import { ListFollowsQuery } from '../../application/queries/list-follows/list-follows.query.js';
import { ListRestrictionsQuery } from '../../application/queries/list-restrictions/list-restrictions.query.js';
import type { RestrictionKind } from '../../domain/restriction/restriction.js';
import {
  FollowListResponse,
  FollowStateResponse,
  RestrictedPeopleResponse,
  RestrictionStateResponse,
} from './social-graph.dto.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('follows, blocks and mutes')
@ApiBearerAuth()
@Controller('v1')
export class SocialGraphController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('creators/:userId/follow')
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow someone (again is harmless)' })
  @ApiOkResponse({ type: FollowStateResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  follow(@CurrentUser() principal: Principal, @Param('userId', uuid()) userId: string) {
    return this.commands.execute(new SetFollowCommand(principal.userId, userId, true));
  }

  @Delete('creators/:userId/follow')
  @ApiOperation({ summary: 'Stop following someone' })
  @ApiOkResponse({ type: FollowStateResponse })
  @ApiProblems(400, 401, 404)
  unfollow(@CurrentUser() principal: Principal, @Param('userId', uuid()) userId: string) {
    return this.commands.execute(new SetFollowCommand(principal.userId, userId, false));
  }

  @Get('users/:userId/followers')
  @ApiOperation({ summary: 'Who follows this person, newest first' })
  @ApiOkResponse({ type: FollowListResponse })
  @ApiProblems(400, 401, 404)
  followers(@Param('userId', uuid()) userId: string, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListFollowsQuery(userId, 'followers', page.limit, page.cursor));
  }

  @Get('users/:userId/following')
  @ApiOperation({ summary: 'Whom this person follows, newest first' })
  @ApiOkResponse({ type: FollowListResponse })
  @ApiProblems(400, 401, 404)
  following(@Param('userId', uuid()) userId: string, @Query() page: CursorPageQuery) {
    return this.queries.execute(new ListFollowsQuery(userId, 'following', page.limit, page.cursor));
  }

  @Post('users/:userId/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block someone: no follows, messages or notifications between you, both ways' })
  @ApiOkResponse({ type: RestrictionStateResponse })
  @ApiProblems(400, 401, 404, 422)
  block(@CurrentUser() principal: Principal, @Param('userId', uuid()) userId: string) {
    return this.restrict(principal, userId, 'block', true);
  }

  @Delete('users/:userId/block')
  @ApiOperation({ summary: 'Unblock someone' })
  @ApiOkResponse({ type: RestrictionStateResponse })
  @ApiProblems(400, 401, 404, 422)
  unblock(@CurrentUser() principal: Principal, @Param('userId', uuid()) userId: string) {
    return this.restrict(principal, userId, 'block', false);
  }

  @Post('users/:userId/mute')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mute someone: their activity no longer reaches you; they are not told' })
  @ApiOkResponse({ type: RestrictionStateResponse })
  @ApiProblems(400, 401, 404, 422)
  mute(@CurrentUser() principal: Principal, @Param('userId', uuid()) userId: string) {
    return this.restrict(principal, userId, 'mute', true);
  }

  @Delete('users/:userId/mute')
  @ApiOperation({ summary: 'Unmute someone' })
  @ApiOkResponse({ type: RestrictionStateResponse })
  @ApiProblems(400, 401, 404, 422)
  unmute(@CurrentUser() principal: Principal, @Param('userId', uuid()) userId: string) {
    return this.restrict(principal, userId, 'mute', false);
  }

  @Get('me/blocks')
  @ApiOperation({ summary: 'The people the caller blocks' })
  @ApiOkResponse({ type: RestrictedPeopleResponse })
  @ApiProblems(401)
  blocks(@CurrentUser() principal: Principal) {
    return this.queries.execute(new ListRestrictionsQuery(principal.userId, 'block'));
  }

  @Get('me/mutes')
  @ApiOperation({ summary: 'The people the caller mutes' })
  @ApiOkResponse({ type: RestrictedPeopleResponse })
  @ApiProblems(401)
  mutes(@CurrentUser() principal: Principal) {
    return this.queries.execute(new ListRestrictionsQuery(principal.userId, 'mute'));
  }

  private restrict(principal: Principal, userId: string, kind: RestrictionKind, on: boolean) {
    return this.commands.execute(new SetRestrictionCommand(principal.userId, userId, kind, on));
  }
}
