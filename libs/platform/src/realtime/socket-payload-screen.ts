import type { OnGatewayConnection } from '@nestjs/websockets';
import { WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { findHostileRequestInput, hostileInputProblem } from '../http/hostile-input.js';

/**
 * The socket side of ADR 0013: every client event's payload is walked before any gateway's pipe or
 * handler sees it. A NUL byte, a lone surrogate or nesting past the limit is answered like an HTTP
 * body: `{ error: { code: 'validation.failed' | 'validation.too-deep', ... } }` in the acknowledgement
 * (else an `exception` event), and the event goes no further.
 */
@WebSocketGateway()
export class SocketPayloadScreen implements OnGatewayConnection {
  handleConnection(socket: Socket): void {
    socket.use((packet, next) => {
      const last: unknown = packet[packet.length - 1];
      const ack = typeof last === 'function' ? (last as (body: unknown) => void) : undefined;
      const found = findHostileRequestInput(packet.slice(1, ack ? -1 : undefined));
      if (!found) return next();
      const problem = hostileInputProblem(found);
      if (ack) ack({ error: problem });
      else socket.emit('exception', problem);
    });
  }
}
