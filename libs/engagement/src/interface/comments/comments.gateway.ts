import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io';
import {
  AllowedWhileSuspended,
  createValidationPipe,
  WsProblemFilter,
  type SocketData,
  inRequestContext,
} from '@lib/platform';
import { videoRoom } from '../../application/comments/comment-announcer.js';
import { VideoComments } from '../../application/comments/video-comments.js';
import { VideoNotCommentableError } from '../../domain/comments/comment.errors.js';
import { WatchVideoComments } from './comments.dto.js';

/**
 * People on a video's page join its room to receive `comment:created`, `comment:updated` and
 * `comment:deleted` (pushed after the commit, never comments of people either side blocks).
 * Only a published video's room can be joined (its team may also watch it unpublished).
 */
@WebSocketGateway()
@UseFilters(WsProblemFilter)
@UsePipes(createValidationPipe())
export class CommentsGateway {
  constructor(
    private readonly orm: MikroORM,
    private readonly videoComments: VideoComments,
  ) {}

  @AllowedWhileSuspended() // a read: joining a room writes nothing
  @SubscribeMessage('comments:watch')
  watch(@ConnectedSocket() socket: Socket, @MessageBody() body: WatchVideoComments) {
    const userId = (socket.data as SocketData).principal.userId;
    return inRequestContext(this.orm.em, async () => {
      const mayWatch = await this.videoComments.published(body.videoId).then(
        () => true,
        // The team may watch its own unpublished video; to anyone else it does not exist.
        () =>
          this.videoComments.managedBy(userId, body.videoId).then(
            () => true,
            () => false,
          ),
      );
      if (!mayWatch) throw new VideoNotCommentableError(body.videoId);
      await socket.join(videoRoom(body.videoId));
      return { watching: body.videoId };
    });
  }

  @AllowedWhileSuspended()
  @SubscribeMessage('comments:unwatch')
  async unwatch(@ConnectedSocket() socket: Socket, @MessageBody() body: WatchVideoComments) {
    await socket.leave(videoRoom(body.videoId));
    return { watching: null };
  }
}
