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
    const scope = dashboardScopeOf(target);
    if (scope.kind === 'platform') {
      if (!hasRole(principal, ['admin'])) throw new DashboardForbiddenError('Platform counters are for admins');
      return dashboardRoom('platform', '*');
    }
    // Like the HTTP dashboards: members only, at the level of the channel owner's plan.
    if (scope.kind === 'channel') {
      const channelId = scope.id;
      await this.access.require(principal.userId, channelId, 'basic', () => new ChannelNotFoundError(channelId));
      return dashboardRoom('channel', channelId);
    }
    const videoId = scope.id;
    const channelId = await this.videos.channelOf(videoId);
    if (!channelId) throw new VideoNotFoundError(videoId);
    await this.access.require(principal.userId, channelId, 'advanced', () => new VideoNotFoundError(videoId));
    return dashboardRoom('video', videoId);
  }
}

/** Exactly one well-formed scope, as the AsyncAPI document's `oneOf` says; anything else is 400 like a DTO's refusal. */
function dashboardScopeOf(target: DashboardTarget): { kind: 'platform' } | { kind: 'channel' | 'video'; id: string } {
  const named = TARGET_FIELDS.filter((field) => (target as Record<string, unknown>)[field] !== undefined);
  if (named.length !== 1)
    throw new ValidationFailedException(
      (named.length ? named : TARGET_FIELDS).map((field) => ({
        field,
        messages: ['exactly one of channelId, videoId or platform: true is required'],
      })),
    );
  if (target.platform !== undefined) {
    if (target.platform === true) return { kind: 'platform' };
    throw new ValidationFailedException([{ field: 'platform', messages: ['platform must be true'] }]);
  }
  const [field] = named as ('channelId' | 'videoId')[];
  const id = target[field];
  if (typeof id !== 'string' || !UUID.test(id))
    throw new ValidationFailedException([{ field, messages: [`${field} must be a UUID`] }]);
  return { kind: field === 'channelId' ? 'channel' : 'video', id: id.toLowerCase() };
}
