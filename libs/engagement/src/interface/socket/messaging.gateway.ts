import { UseFilters, UsePipes } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io';
import { createValidationPipe, WsProblemFilter, type SocketData, inRequestContext } from '@lib/platform';
import { DeleteMessageCommand } from '../../application/commands/delete-message/delete-message.command.js';
import { EditMessageCommand } from '../../application/commands/edit-message/edit-message.command.js';
import { MarkConversationReadCommand } from '../../application/commands/mark-conversation-read/mark-conversation-read.command.js';
import { SendMessageCommand } from '../../application/commands/send-message/send-message.command.js';
import { ConversationMembers } from '../../application/messaging/conversation-members.js';
import { TypingIndicators } from '../../application/messaging/typing-indicators.js';
import { MessageInvalidError } from '../../domain/message/message.errors.js';
import { SocketChangeMessage, SocketMarkRead, SocketSendMessage, SocketTyping } from '../http/conversations.dto.js';

/**
 * Direct messages over Socket.IO. Every payload is validated like an HTTP body and every failure
 * answers the acknowledgement with `{ error: { code, ... } }`; membership is checked per event.
 * Deliveries go to user rooms (every device), through the Redis adapter to every API node.
 */
@WebSocketGateway()
@UseFilters(WsProblemFilter)
@UsePipes(createValidationPipe())
export class MessagingGateway {
  constructor(
    private readonly commands: CommandBus,
    private readonly orm: MikroORM,
    private readonly members: ConversationMembers,
    private readonly typing: TypingIndicators,
  ) {}

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: Socket, @MessageBody() body: SocketSendMessage) {
    const target = body.conversationId ? { conversationId: body.conversationId } : { recipientId: body.recipientId! };
    return this.run(async () => ({
      message: await this.commands.execute<SendMessageCommand, unknown>(
        new SendMessageCommand(userOf(socket), target, body.text, body.clientMessageId, body.replyToId ?? null),
      ),
    }));
  }

  @SubscribeMessage('message:edit')
  edit(@ConnectedSocket() socket: Socket, @MessageBody() body: SocketChangeMessage) {
    if (body.text === undefined) throw new MessageInvalidError('message:edit needs the new text');
    return this.run(async () => ({
      message: await this.commands.execute<EditMessageCommand, unknown>(
        new EditMessageCommand(userOf(socket), body.conversationId, body.messageId, body.text!),
      ),
    }));
  }

  @SubscribeMessage('message:delete')
  delete(@ConnectedSocket() socket: Socket, @MessageBody() body: SocketChangeMessage) {
    return this.run(async () => ({
      message: await this.commands.execute<DeleteMessageCommand, unknown>(
        new DeleteMessageCommand(userOf(socket), body.conversationId, body.messageId),
      ),
    }));
  }

  @SubscribeMessage('conversation:read')
  read(@ConnectedSocket() socket: Socket, @MessageBody() body: SocketMarkRead) {
    return this.run(async () => ({
      receipt: await this.commands.execute<MarkConversationReadCommand, unknown>(
        new MarkConversationReadCommand(userOf(socket), body.conversationId, body.upToSeq),
      ),
    }));
  }

  @SubscribeMessage('typing')
  typingChanged(@ConnectedSocket() socket: Socket, @MessageBody() body: SocketTyping) {
    const userId = userOf(socket);
    return this.run(async () => {
      const { members } = await this.members.load(body.conversationId, userId);
      const others = ConversationMembers.audience(members).filter((id) => id !== userId);
      return { relayed: this.typing.change(body.conversationId, userId, body.state === 'start', others) };
    });
  }

  /** Socket events run outside any HTTP request: each gets its own MikroORM context. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    return inRequestContext(this.orm.em, work);
  }
}

function userOf(socket: Socket): string {
  return (socket.data as SocketData).principal.userId;
}
