import { UseFilters, UsePipes } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io';
import { createValidationPipe, WsProblemFilter, type SocketData, inRequestContext } from '@lib/platform';
import {
  ReportProgressCommand,
  type ProgressView,
} from '../../application/commands/report-progress/report-progress.command.js';
import { SocketProgressReport } from '../http/interactions.dto.js';

/**
 * `progress:report {videoId, positionSeconds, creditsReached?}` on the same socket as messages:
 * players already connected need no extra request. Answers `{ progress }` or `{ error }` like HTTP.
 */
@WebSocketGateway()
@UseFilters(WsProblemFilter)
@UsePipes(createValidationPipe())
export class WatchProgressGateway {
  constructor(
    private readonly commands: CommandBus,
    private readonly orm: MikroORM,
  ) {}

  @SubscribeMessage('progress:report')
  report(@ConnectedSocket() socket: Socket, @MessageBody() body: SocketProgressReport) {
    const userId = (socket.data as SocketData).principal.userId;
    return inRequestContext(this.orm.em, async () => ({
      progress: await this.commands.execute<ReportProgressCommand, ProgressView>(
        new ReportProgressCommand(userId, body.videoId, body.positionSeconds, body.creditsReached ?? false),
      ),
    }));
  }
}
