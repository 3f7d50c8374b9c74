import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, CursorPageQuery, Roles, type Principal } from '@lib/platform';
import { ChangeUserRolesCommand } from '../../application/commands/change-user-roles/change-user-roles.command.js';
import { ListUsersQuery } from '../../application/queries/list-users/list-users.query.js';
import { ChangeRolesRequest, UserPageResponse } from './admin.dto.js';
import { UserResponse } from './auth.dto.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/users')
export class AdminUsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every account, oldest first' })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiProblems(400, 401, 403)
  list(@Query() page: CursorPageQuery) {
    return this.queries.execute(new ListUsersQuery(page.limit, page.cursor));
  }

  @Patch(':id/roles')
  @ApiOperation({ summary: 'Set a user’s roles', description: 'The last admin cannot lose `admin`.' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  changeRoles(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeRolesRequest,
  ) {
    return this.commands.execute(new ChangeUserRolesCommand(id, body.roles, principal.userId));
  }
}
