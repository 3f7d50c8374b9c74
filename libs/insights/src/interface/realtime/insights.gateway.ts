import { UseFilters } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import {
  AllowedWhileSuspended,
  hasRole,
  ValidationFailedException,
  WsProblemFilter,
  type SocketData,
} from '@lib/platform';
import { AnalyticsAccess } from '../../application/analytics-access.js';
import { dashboardRoom } from '../../application/realtime/dashboard-rooms.js';
import { VideoDirectory } from '../../application/video-directory.js';
import { ChannelNotFoundError, DashboardForbiddenError, VideoNotFoundError } from '../../domain/insights.errors.js';
import { ANY_UUID as UUID } from '../../domain/client-event.js';

interface DashboardTarget {
  channelId?: unknown;
  videoId?: unknown;
  platform?: unknown;
}

const TARGET_FIELDS = ['channelId', 'videoId', 'platform'];

/**
 * Live dashboards: a socket asks for one scope (`{channelId}`, `{videoId}` or `{platform: true}`),
 * is checked like the HTTP routes (channel members with analytics in their plan; admins for the
 * platform), and joins its room;
 * `insights:live` counters then arrive at most every INSIGHTS_LIVE_PUSH_INTERVAL_MS.
 */
@WebSocketGateway()
@UseFilters(WsProblemFilter)
export class InsightsGateway {
  constructor(
    private readonly access: AnalyticsAccess,
    private readonly videos: VideoDirectory,
    private readonly orm: MikroORM,
  ) {}

  @AllowedWhileSuspended() // a read: joining a room writes nothing
  @SubscribeMessage('insights:subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: DashboardTarget): Promise<{ room: string }> {
    const room = await this.inContext(() => this.authorizedRoom(socket, body ?? {}));
    await socket.join(room);
    return { room };
  }

  @AllowedWhileSuspended()
  @SubscribeMessage('insights:unsubscribe')
  async unsubscribe(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: DashboardTarget,
  ): Promise<{ room: string }> {
    const room = await this.inContext(() => this.authorizedRoom(socket, body ?? {}));
    await socket.leave(room);
    return { room };
  }

  /** Socket messages run outside any HTTP request: database reads need their own context. */
  private inContext<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.orm.em, work);
  }

  private async authorizedRoom(socket: Socket, target: DashboardTarget): Promise<string> {
    const { principal } = socket.data as SocketData;
    // Checked by hand (no DTO), so unknown fields are refused here as the global pipe would (mass assignment).
    const unknown = typeof target === 'object' ? Object.keys(target).filter((key) => !TARGET_FIELDS.includes(key)) : [];
    if (unknown.length)
      throw new ValidationFailedException(
        unknown.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
      );
    if (target.platform === true) {
      if (!hasRole(principal, ['admin'])) throw new DashboardForbiddenError('Platform counters are for admins');
      return dashboardRoom('platform', '*');
    }
    // Like the HTTP dashboards: members only, at the level of the channel owner's plan.
    if (typeof target.channelId === 'string' && UUID.test(target.channelId)) {
      const channelId = target.channelId.toLowerCase();
      await this.access.require(principal.userId, channelId, 'basic', () => new ChannelNotFoundError(channelId));
      return dashboardRoom('channel', channelId);
    }
    if (typeof target.videoId === 'string' && UUID.test(target.videoId)) {
      const videoId = target.videoId.toLowerCase();
      const channelId = await this.videos.channelOf(videoId);
      if (!channelId) throw new VideoNotFoundError(videoId);
      await this.access.require(principal.userId, channelId, 'advanced', () => new VideoNotFoundError(videoId));
      return dashboardRoom('video', videoId);
    }
    throw new DashboardForbiddenError('Subscribe with { channelId }, { videoId } or { platform: true }');
  }
}
