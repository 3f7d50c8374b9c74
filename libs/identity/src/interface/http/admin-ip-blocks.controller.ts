import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, CurrentUser, Roles, type Principal } from '@lib/platform';
import { BlockIpRangeCommand } from '../../application/commands/block-ip-range/block-ip-range.command.js';
import { UnblockIpRangeCommand } from '../../application/commands/unblock-ip-range/unblock-ip-range.command.js';
import { ListIpBlocksQuery } from '../../application/queries/list-ip-blocks/list-ip-blocks.query.js';
import { BlockIpRangeRequest, IpBlockListResponse, IpBlockResponse } from './admin-ip-blocks.dto.js';

const ENFORCEMENT =
  'Blocked addresses get 403 `http.ip.blocked` on every HTTP request and socket handshake, on every node within seconds.';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/ip-blocks')
export class AdminIpBlocksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The blocked addresses and ranges, oldest first', description: `Admins. ${ENFORCEMENT}` })
  @ApiOkResponse({ type: IpBlockListResponse })
  @ApiProblems(401, 403)
  list() {
    return this.queries.execute(new ListIpBlocksQuery());
  }

  @Post()
  @ApiOperation({
    summary: 'Block an address or CIDR range',
    description: `Admins. ${ENFORCEMENT} A range containing the caller's own address is refused (422 \`identity.ip-block.own-address\`).`,
  })
  @ApiCreatedResponse({ type: IpBlockResponse })
  @ApiProblems(400, 401, 403, 409, 422)
  block(@Body() body: BlockIpRangeRequest, @CurrentUser() admin: Principal, @Req() request: FastifyRequest) {
    return this.commands.execute(new BlockIpRangeCommand(body.range, body.reason, admin.userId, request.ip));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a block', description: `Admins. Takes effect on every node within seconds.` })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async unblock(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.commands.execute(new UnblockIpRangeCommand(id));
  }
}
