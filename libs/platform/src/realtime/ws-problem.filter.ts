import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { toProblem } from '../http/problem-details.filter.js';
import { SOCKET_EXCEPTION } from './platform-socket-events.js';

/**
 * Socket event handlers fail like HTTP routes: a problem document (`{ error: { code, ... } }`) in the
 * acknowledgement when the client asked for one, else an `exception` event. Never a crash.
 */
@Catch()
export class WsProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('WS');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error, this.logger);
    const ack = host.getArgs().find((arg, index) => index > 0 && typeof arg === 'function') as
      ((body: unknown) => void) | undefined;
    if (ack) ack({ error: problem });
    else host.switchToWs().getClient<Socket>().emit(SOCKET_EXCEPTION.name, problem);
  }
}
