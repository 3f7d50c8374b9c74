import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { AddGroupMembersCommand } from '../../application/commands/add-group-members/add-group-members.command.js';
import { AnswerMessageRequestCommand } from '../../application/commands/answer-message-request/answer-message-request.command.js';
import { ChangeGroupCommand } from '../../application/commands/change-group/change-group.command.js';
import { CreateGroupCommand } from '../../application/commands/create-group/create-group.command.js';
import { DeleteMessageCommand } from '../../application/commands/delete-message/delete-message.command.js';
import { EditMessageCommand } from '../../application/commands/edit-message/edit-message.command.js';
import { MarkConversationReadCommand } from '../../application/commands/mark-conversation-read/mark-conversation-read.command.js';
import { OpenDirectConversationCommand } from '../../application/commands/open-direct-conversation/open-direct-conversation.command.js';
import { RemoveGroupMemberCommand } from '../../application/commands/remove-group-member/remove-group-member.command.js';
import { SendMessageCommand } from '../../application/commands/send-message/send-message.command.js';
import { SetMemberRoleCommand } from '../../application/commands/set-member-role/set-member-role.command.js';
import { SetMessagingSettingsCommand } from '../../application/commands/set-messaging-settings/set-messaging-settings.command.js';
import { GetConversationQuery } from '../../application/queries/get-conversation/get-conversation.query.js';
import { GetMessagingSettingsQuery } from '../../application/queries/get-messaging-settings/get-messaging-settings.query.js';
import { ListConversationsQuery } from '../../application/queries/list-conversations/list-conversations.query.js';
import { ListMessageEditsQuery } from '../../application/queries/list-message-edits/list-message-edits.query.js';
import { ListMessagesQuery } from '../../application/queries/list-messages/list-messages.query.js';
import {
  AddMembersRequest,
  ChangeGroupRequest,
  ConversationChangeResponse,
  ConversationListQuery,
  ConversationPageResponse,
  ConversationResponse,
  EditMessageRequest,
  MarkReadRequest,
  MessageListQuery,
  MessagePageResponse,
  MessageResponse,
  MessagingSettingsRequest,
  SendMessageRequest,
  SetRoleRequest,
  StartConversationRequest,
  MessageRequestAnswerResponse,
} from './conversations.dto.js';

const id = () => new ParseUUIDPipe();

/** Direct messages without a socket: everything the socket does, plus history and member management. */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('v1')
export class ConversationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('conversations')
  @ApiOperation({
    summary:
      'Your conversations (inbox or message requests), latest activity first, with unread counts and the last message',
  })
  @ApiOkResponse({ type: ConversationPageResponse })
  @ApiProblems(400, 401)
  list(@CurrentUser() me: Principal, @Query() query: ConversationListQuery) {
    return this.queries.execute(
      new ListConversationsQuery(me.userId, query.folder ?? 'inbox', query.limit, query.cursor),
    );
  }

  @Post('conversations')
  @ApiOperation({ summary: 'Open the 1:1 conversation with someone (found if it exists) or create a group' })
  @ApiCreatedResponse({ type: ConversationResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  async start(@CurrentUser() me: Principal, @Body() body: StartConversationRequest) {
    const conversationId =
      body.kind === 'direct'
        ? (
            await this.commands.execute<OpenDirectConversationCommand, { conversationId: string }>(
              new OpenDirectConversationCommand(me.userId, body.recipientId!),
            )
          ).conversationId
        : (
            await this.commands.execute<CreateGroupCommand, { conversationId: string }>(
              new CreateGroupCommand(me.userId, body.title!, body.memberIds!),
            )
          ).conversationId;
    return this.queries.execute<GetConversationQuery, unknown>(new GetConversationQuery(me.userId, conversationId));
  }

  @Get('conversations/:id')
  @ApiOperation({ summary: 'One conversation' })
  @ApiOkResponse({ type: ConversationResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string) {
    return this.queries.execute(new GetConversationQuery(me.userId, conversationId));
  }

  @Patch('conversations/:id')
  @ApiOperation({ summary: 'Rename a group (admins)' })
  @ApiOkResponse({ type: ConversationChangeResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  change(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string, @Body() body: ChangeGroupRequest) {
    return this.commands.execute(new ChangeGroupCommand(me.userId, conversationId, body));
  }

  @Get('conversations/:id/messages')
  @ApiOperation({
    summary: 'Messages by sequence',
    description:
      '`before`: older history. `after`: everything created, edited or deleted since that sequence (catch-up after a reconnect). Neither: the latest page.',
  })
  @ApiOkResponse({ type: MessagePageResponse })
  @ApiProblems(400, 401, 404)
  messages(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string, @Query() query: MessageListQuery) {
    return this.queries.execute(
      new ListMessagesQuery(me.userId, conversationId, query.limit, query.before, query.after),
    );
  }

  @Post('conversations/:id/messages')
  @ApiOperation({ summary: 'Send a message (same as the socket’s message:send)' })
  @ApiCreatedResponse({ type: MessageResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  send(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string, @Body() body: SendMessageRequest) {
    return this.commands.execute(
      new SendMessageCommand(me.userId, { conversationId }, body.text, body.clientMessageId, body.replyToId ?? null),
    );
  }

  @Post('users/:userId/messages')
  @ApiOperation({ summary: 'Send a message to a person: the 1:1 conversation is created on the first one' })
  @ApiCreatedResponse({ type: MessageResponse })
  @ApiProblems(400, 401, 403, 404, 429)
  sendTo(@CurrentUser() me: Principal, @Param('userId', id()) recipientId: string, @Body() body: SendMessageRequest) {
    return this.commands.execute(
      new SendMessageCommand(me.userId, { recipientId }, body.text, body.clientMessageId, body.replyToId ?? null),
    );
  }

  @Patch('conversations/:id/messages/:messageId')
  @ApiOperation({ summary: 'Edit your message within the edit window (the earlier text is kept in its history)' })
  @ApiOkResponse({ type: MessageResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  edit(
    @CurrentUser() me: Principal,
    @Param('id', id()) conversationId: string,
    @Param('messageId', id()) messageId: string,
    @Body() body: EditMessageRequest,
  ) {
    return this.commands.execute(new EditMessageCommand(me.userId, conversationId, messageId, body.text));
  }

  @Delete('conversations/:id/messages/:messageId')
  @ApiOperation({ summary: 'Delete your message within the delete window (a tombstone stays in its place)' })
  @ApiOkResponse({ type: MessageResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  remove(
    @CurrentUser() me: Principal,
    @Param('id', id()) conversationId: string,
    @Param('messageId', id()) messageId: string,
  ) {
    return this.commands.execute(new DeleteMessageCommand(me.userId, conversationId, messageId));
  }

  @Get('conversations/:id/messages/:messageId/edits')
  @ApiOperation({ summary: 'Earlier texts of an edited message, oldest first' })
  @ApiOkResponse({ schema: { example: { items: [{ text: 'helo', replacedAt: '2026-11-22T10:00:00.000Z' }] } } })
  @ApiProblems(400, 401, 404)
  edits(
    @CurrentUser() me: Principal,
    @Param('id', id()) conversationId: string,
    @Param('messageId', id()) messageId: string,
  ) {
    return this.queries.execute(new ListMessageEditsQuery(me.userId, conversationId, messageId));
  }

  @Post('conversations/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark read up to a sequence (same as the socket’s conversation:read)' })
  @ApiOkResponse({ schema: { example: { conversationId: '…', userId: '…', upToSeq: 12, unread: 0 } } })
  @ApiProblems(400, 401, 404)
  read(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string, @Body() body: MarkReadRequest) {
    return this.commands.execute(new MarkConversationReadCommand(me.userId, conversationId, body.upToSeq));
  }

  @Post('conversations/:id/members')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add people to a group (admins); each lands in the inbox or in requests as their settings say',
  })
  @ApiOkResponse({ type: ConversationChangeResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  addMembers(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string, @Body() body: AddMembersRequest) {
    return this.commands.execute(new AddGroupMembersCommand(me.userId, conversationId, body.userIds));
  }

  @Delete('conversations/:id/members/:userId')
  @ApiOperation({ summary: 'Remove someone from a group (admins), or yourself (leave)' })
  @ApiOkResponse({ type: ConversationChangeResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  removeMember(
    @CurrentUser() me: Principal,
    @Param('id', id()) conversationId: string,
    @Param('userId', id()) userId: string,
  ) {
    return this.commands.execute(new RemoveGroupMemberCommand(me.userId, conversationId, userId));
  }

  @Put('conversations/:id/members/:userId/role')
  @ApiOperation({ summary: 'Make a member an admin, or an admin a member (admins)' })
  @ApiOkResponse({ type: ConversationChangeResponse })
  @ApiProblems(400, 401, 403, 404, 422)
  setRole(
    @CurrentUser() me: Principal,
    @Param('id', id()) conversationId: string,
    @Param('userId', id()) userId: string,
    @Body() body: SetRoleRequest,
  ) {
    return this.commands.execute(new SetMemberRoleCommand(me.userId, conversationId, userId, body.role));
  }

  @Post('conversations/:id/leave')
  @HttpCode(200)
  @ApiOperation({ summary: 'Leave a group' })
  @ApiOkResponse({ type: ConversationChangeResponse })
  @ApiProblems(400, 401, 404, 422)
  leave(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string) {
    return this.commands.execute(new RemoveGroupMemberCommand(me.userId, conversationId, me.userId));
  }

  @Post('conversations/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a message request into the inbox' })
  @ApiOkResponse({ type: MessageRequestAnswerResponse })
  @ApiProblems(400, 401, 404)
  accept(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string) {
    return this.commands.execute(new AnswerMessageRequestCommand(me.userId, conversationId, true));
  }

  @Post('conversations/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a message request (hidden; the sender is not told)' })
  @ApiOkResponse({ type: MessageRequestAnswerResponse })
  @ApiProblems(400, 401, 404)
  decline(@CurrentUser() me: Principal, @Param('id', id()) conversationId: string) {
    return this.commands.execute(new AnswerMessageRequestCommand(me.userId, conversationId, false));
  }

  @Get('me/messaging-settings')
  @ApiOperation({ summary: 'Who may message you without you following them' })
  @ApiOkResponse({ type: MessagingSettingsRequest })
  @ApiProblems(401)
  settings(@CurrentUser() me: Principal) {
    return this.queries.execute(new GetMessagingSettingsQuery(me.userId));
  }

  @Put('me/messaging-settings')
  @ApiOperation({ summary: 'Change who may message you without you following them' })
  @ApiOkResponse({ type: MessagingSettingsRequest })
  @ApiProblems(400, 401)
  setSettings(@CurrentUser() me: Principal, @Body() body: MessagingSettingsRequest) {
    return this.commands.execute(new SetMessagingSettingsCommand(me.userId, body.directMessages));
  }
}
