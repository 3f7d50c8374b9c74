import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { AllowedWhileSuspended, hasRole, WsProblemFilter, type SocketData } from '@lib/platform';
import { ReviewQueueForbiddenError } from '../../domain/review-queue/review-item.errors.js';
import { MODERATION_QUEUE_ROOM } from '../../infrastructure/realtime/socket-queue-updates.js';

/**
 * Live review queue: a moderator's socket sends `moderation:subscribe` and then receives
 * `moderation:item` with an item's current state whenever a report, claim, release or decision
 * changes it.
 */
@WebSocketGateway()
@UseFilters(WsProblemFilter)
export class ModerationGateway {
  @AllowedWhileSuspended() // a read: joining a room writes nothing
  @SubscribeMessage('moderation:subscribe')
  async subscribe(@ConnectedSocket() socket: Socket): Promise<{ room: string }> {
    const { principal } = socket.data as SocketData;
    if (!hasRole(principal, ['moderator'])) throw new ReviewQueueForbiddenError();
    await socket.join(MODERATION_QUEUE_ROOM);
    return { room: MODERATION_QUEUE_ROOM };
  }

  @AllowedWhileSuspended()
  @SubscribeMessage('moderation:unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: Socket): Promise<{ room: string }> {
    await socket.leave(MODERATION_QUEUE_ROOM);
    return { room: MODERATION_QUEUE_ROOM };
  }
}
