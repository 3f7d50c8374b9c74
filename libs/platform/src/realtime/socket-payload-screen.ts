import type { OnGatewayConnection } from '@nestjs/websockets';
import { WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { findHostileRequestInput, hostileInputProblem } from '../http/hostile-input.js';
import { problem } from '../http/problem.js';
import { SOCKET_EXCEPTION } from './platform-socket-events.js';

/**
 * The socket side of ADR 0013: every client event's payload is walked before any gateway's pipe or
 * handler sees it. A NUL byte, a lone surrogate or nesting past the limit is answered like an HTTP
 * body: `{ error: { code: 'validation.failed' | 'validation.too-deep', ... } }` in the acknowledgement
 * (else an `exception` event), and the event goes no further. An event no gateway handles is answered
 * the same way with `socket.unknown-event`, so a typo in a client is an error, not silence.
 */
@WebSocketGateway()
export class SocketPayloadScreen implements OnGatewayConnection {
  handleConnection(socket: Socket): void {
    socket.use((packet, next) => {
      const last: unknown = packet[packet.length - 1];
      const ack = typeof last === 'function' ? (last as (body: unknown) => void) : undefined;
      const event = String(packet[0]);
      // Gateways bind their handlers on connection, before any packet of this socket arrives.
      if (socket.listeners(event).length === 0) {
        const unknown = problem(404, 'socket.unknown-event', `No handler for the event '${event.slice(0, 100)}'`, {
          event: event.slice(0, 100),
        });
        if (ack) ack({ error: unknown });
        else socket.emit(SOCKET_EXCEPTION.name, unknown);
        return;
      }
      const found = findHostileRequestInput(packet.slice(1, ack ? -1 : undefined));
      if (!found) return next();
      const refusal = hostileInputProblem(found);
      if (ack) ack({ error: refusal });
      else socket.emit(SOCKET_EXCEPTION.name, refusal);
    });
  }
}
