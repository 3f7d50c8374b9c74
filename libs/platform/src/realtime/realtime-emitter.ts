import { Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { RedisConnections } from '../queues/redis-connections.js';
import { socketChannelKey, userRoom } from './rooms.js';
import type { ServerEvent } from './socket-events.js';

/**
 * Pushes events to connected clients from any process, the worker included: it publishes to Redis,
 * and every API node's Socket.IO adapter delivers to its local sockets in the room.
 */
@Injectable()
export class RealtimeEmitter {
  private readonly logger = new Logger(RealtimeEmitter.name);
  private emitter?: Emitter;

  constructor(private readonly redis: RedisConnections) {}

  toUser(userId: string, event: ServerEvent, payload: unknown): void {
    this.toRoom(userRoom(userId), event, payload);
  }

  /** One publish for many users: each socket gets it once even if it is in several of the rooms. */
  toUsers(userIds: readonly string[], event: ServerEvent, payload: unknown): void {
    if (userIds.length === 0) return;
    this.get().to(userIds.map(userRoom)).emit(event.name, payload);
  }

  toRoom(room: string, event: ServerEvent, payload: unknown): void {
    this.get().to(room).emit(event.name, payload);
  }

  /** To a room but not to the sockets in any of `exceptRooms` (e.g. the `user:` rooms of people who block the author). */
  toRoomExcept(room: string, exceptRooms: readonly string[], event: ServerEvent, payload: unknown): void {
    if (exceptRooms.length === 0) return this.toRoom(room, event, payload);
    this.get()
      .to(room)
      .except([...exceptRooms])
      .emit(event.name, payload);
  }

  /**
   * Tells every socket in the room why, then closes them, on every API node. The notice is published
   * first on the same Redis connection, so each node delivers it before it closes the socket.
   */
  disconnectRoom(room: string, event: ServerEvent, payload: unknown): void {
    const emitter = this.get();
    emitter.to(room).emit(event.name, payload);
    emitter.in(room).disconnectSockets(true);
  }

  private get(): Emitter {
    return (this.emitter ??= new Emitter(this.publisher(), { key: socketChannelKey(this.redis.prefix) }));
  }

  /**
   * The emitter fires its PUBLISH and forgets it; one cut off by a shutdown (written after QUIT) or an
   * outage is a lost push, logged here, never an unhandled rejection that crashes the process.
   */
  private publisher(): Pick<Redis, 'publish'> {
    const client = this.redis.commands();
    return {
      publish: (channel: string | Buffer, message: string | Buffer) =>
        client.publish(channel, message).catch((error: unknown) => {
          this.logger.warn({ err: error, channel: String(channel) }, 'realtime push not published');
          return 0;
        }),
    };
  }
}
