import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { SocketData } from './socket-io.adapter.js';
import { AllowedWhileSuspended } from '../auth/decorators.js';
import { WsProblemFilter } from './ws-problem.filter.js';

/**
 * The platform's own socket endpoint on the API port. Contexts add their events in their own gateways;
 * authentication and user rooms are applied by RedisIoAdapter to every namespace.
 */
@WebSocketGateway()
@UseFilters(WsProblemFilter)
export class RealtimeGateway {
  /** Lets a client confirm who the server thinks it is (and that its socket is authenticated). */
  @AllowedWhileSuspended() // a read: joining a room writes nothing
  @SubscribeMessage('session:whoami')
  whoami(@ConnectedSocket() socket: Socket): { userId: string; roles: string[] } {
    const { principal } = socket.data as SocketData;
    return { userId: principal.userId, roles: principal.roles };
  }
}
