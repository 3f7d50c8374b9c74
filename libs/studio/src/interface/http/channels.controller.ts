import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { ChangeMemberRoleCommand } from '../../application/commands/change-member-role/change-member-role.command.js';
import { CreateChannelCommand } from '../../application/commands/create-channel/create-channel.command.js';
import { InviteMemberCommand } from '../../application/commands/invite-member/invite-member.command.js';
import { RemoveMemberCommand } from '../../application/commands/remove-member/remove-member.command.js';
import { RespondToInvitationCommand } from '../../application/commands/respond-to-invitation/respond-to-invitation.command.js';
import { TransferOwnershipCommand } from '../../application/commands/transfer-ownership/transfer-ownership.command.js';
import { UpdateChannelCommand } from '../../application/commands/update-channel/update-channel.command.js';
import { WithdrawEmailInvitationCommand } from '../../application/commands/withdraw-email-invitation/withdraw-email-invitation.command.js';
import { GetChannelQuery } from '../../application/queries/get-channel/get-channel.query.js';
import { ListMyChannelsQuery } from '../../application/queries/list-my-channels/list-my-channels.query.js';
import {
  ChangeRoleRequest,
  ChannelResponse,
  CreateChannelRequest,
  DeclinedResponse,
  InviteMemberRequest,
  MyChannelsResponse,
  RemovedResponse,
  TransferOwnershipRequest,
  UpdateChannelRequest,
  WithdrawInvitationQuery,
} from './channels.dto.js';

const uuid = () => new ParseUUIDPipe();

@ApiTags('studio: channels and teams')
@ApiBearerAuth()
@Controller('v1/studio/channels')
export class ChannelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Open a channel; the caller becomes its owner (needs `studio_access`: Creator Plus and up, else 402)',
  })
  @ApiCreatedResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 402)
  create(@CurrentUser() principal: Principal, @Body() body: CreateChannelRequest) {
    return this.commands.execute(new CreateChannelCommand(principal.userId, body.name, body.description));
  }

  @Get()
  @ApiOperation({ summary: 'Channels the caller belongs to, and invitations waiting for an answer' })
  @ApiOkResponse({ type: MyChannelsResponse })
  @ApiProblems(401)
  mine(@CurrentUser() principal: Principal) {
    return this.queries.execute(new ListMyChannelsQuery(principal.userId));
  }

  @Get(':channelId')
  @ApiOperation({ summary: 'A channel and its team (any member)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.queries.execute(new GetChannelQuery(principal.userId, channelId));
  }

  @Patch(':channelId')
  @ApiOperation({ summary: 'Rename or describe a channel (owner)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 402, 403, 404)
  update(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: UpdateChannelRequest,
  ) {
    return this.commands.execute(new UpdateChannelCommand(principal.userId, channelId, body));
  }

  @Post(':channelId/members')
  @ApiOperation({
    summary: 'Invite someone by handle or e-mail as an editor or viewer (owner); they are told over the socket',
    description:
      'By handle: the account must exist (`studio.person.not-found`). By e-mail: the answer is the same whether an account has the address or not; the invitation is listed under `invitations` and, without an account, waits until someone registers with the address. At most `STUDIO_INVITATION_RATE_LIMIT` invitations per user per window (429 `studio.invitation.rate-limited`).',
  })
  @ApiCreatedResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 402, 403, 404, 409, 422, 429)
  invite(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: InviteMemberRequest,
  ) {
    const invitee = body.handle !== undefined ? { handle: body.handle.replace(/^@/, '') } : { email: body.email! };
    return this.commands.execute(new InviteMemberCommand(principal.userId, channelId, invitee, body.role));
  }

  @Delete(':channelId/invitations')
  @ApiOperation({ summary: 'Withdraw an invitation sent to an e-mail address (owner)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 403, 404)
  withdrawInvitation(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Query() query: WithdrawInvitationQuery,
  ) {
    return this.commands.execute(new WithdrawEmailInvitationCommand(principal.userId, channelId, query.email));
  }

  @Post(':channelId/invitation/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation to the channel' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 404)
  accept(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.commands.execute(new RespondToInvitationCommand(principal.userId, channelId, true));
  }

  @Post(':channelId/invitation/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation to the channel' })
  @ApiOkResponse({ type: DeclinedResponse })
  @ApiProblems(400, 401, 404)
  decline(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.commands.execute(new RespondToInvitationCommand(principal.userId, channelId, false));
  }

  @Patch(':channelId/members/:userId')
  @ApiOperation({ summary: 'Change a member’s role (owner)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 402, 403, 404, 422)
  changeRole(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Param('userId', uuid()) userId: string,
    @Body() body: ChangeRoleRequest,
  ) {
    return this.commands.execute(new ChangeMemberRoleCommand(principal.userId, channelId, userId, body.role));
  }

  @Delete(':channelId/members/:userId')
  @ApiOperation({ summary: 'Remove a member or withdraw an invitation (owner), or leave (yourself)' })
  @ApiOkResponse({ type: RemovedResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  remove(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Param('userId', uuid()) userId: string,
  ) {
    return this.commands.execute(new RemoveMemberCommand(principal.userId, channelId, userId));
  }

  @Post(':channelId/ownership')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the channel to another active member (owner); the caller becomes an editor' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  transfer(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: TransferOwnershipRequest,
  ) {
    return this.commands.execute(new TransferOwnershipCommand(principal.userId, channelId, body.userId));
  }
}
