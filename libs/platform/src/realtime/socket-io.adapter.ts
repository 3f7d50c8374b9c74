import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { catchError, defer, EMPTY, filter, type Observable, type Subscription } from 'rxjs';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import type { Namespace, Server, ServerOptions, Socket } from 'socket.io';
import { AppConfig } from '@config';
import { DomainError } from '@lib/platform/ddd';
import { ForbiddenError, UnauthenticatedError } from '../auth/auth.errors.js';
import { API_KEY_PREFIX } from '../auth/credential-ports.js';
import { RequestAuthenticator } from '../auth/request-authenticator.js';
import type { Principal } from '../auth/principal.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { IpBlockList } from '../http/ip-block-list.js';
import { Metrics } from '../observability/metrics.js';
import { RedisConnections } from '../queues/redis-connections.js';
import { socketClientIp } from './socket-client-ip.js';
import { SESSION_REVOKED, sessionRoom, socketChannelKey, userRoom } from './rooms.js';
import { AUTH_EXPIRED, MAX_PACKET_BYTES, SERVER_SHUTDOWN } from './platform-socket-events.js';

export interface SocketData {
  /** Always from an access token: every socket belongs to a login session that can end it. */
  principal: Principal & { sessionId: string };
}

/** API keys name no real-time scope, and a socket must belong to a session that can end it (ADR 0012). */
const apiKeyRefused = () =>
  new ForbiddenError('auth.api-key.socket-refused', 'API keys cannot open a real-time connection; use an access token');

/**
 * Socket.IO on the Fastify server, shared across API nodes through the Redis adapter, with the
 * access token checked at every namespace's handshake, each user's sockets in `user:<id>` and each
 * login session's sockets in `session:<id>` (closed by `SessionRevocations.revoke`).
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly config: AppConfig;
  private readonly redis: RedisConnections;
  private readonly authenticator: RequestAuthenticator;
  private readonly revocations: SessionRevocations;
  private readonly ipBlocks: IpBlockList;
  private readonly metrics: Metrics;
  private readonly servers: Server[] = [];
  /** Each gateway's disconnect hook per socket, all called from one listener (see bindClientDisconnect). */
  private readonly disconnectHooks = new WeakMap<Socket, ((reason: unknown) => void)[]>();
  /** Events still being handled, per socket; an entry exists only while one is. */
  private readonly running = new WeakMap<Socket, { handling: Set<Subscription>; stop: () => void }>();

  constructor(app: INestApplicationContext) {
    super(app);
    this.config = app.get(AppConfig);
    this.redis = app.get(RedisConnections);
    this.authenticator = app.get(RequestAuthenticator);
    this.revocations = app.get(SessionRevocations);
    this.ipBlocks = app.get(IpBlockList);
    this.metrics = app.get(Metrics);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.config.http.corsOrigins;
    const server: Server = super.createIOServer(port, {
      ...(options as ServerOptions),
      maxHttpBufferSize: MAX_PACKET_BYTES,
      cors: { origin: origins === '*' ? true : origins, credentials: true },
      // CORS headers do not protect WebSocket upgrades; the Origin is checked here (CSWSH).
      allowRequest: (request, callback) => callback(null, this.originAllowed(request)),
    });
    server.adapter(
      createAdapter(this.redis.dedicated(), this.redis.dedicated(), { key: socketChannelKey(this.redis.prefix) }),
    );
    this.secure(server.of('/'));
    server.on('new_namespace', (namespace: Namespace) => this.secure(namespace));
    this.servers.push(server);
    return server;
  }

  /**
   * Nest's IoAdapter builds an RxJS pipeline per socket and per handled event (fromEvent → mergeMap →
   * takeUntil, ~4 KiB each, ~60 KiB per idle socket with the app's 14 events; ADR 0072). Here each event
   * is one plain listener, and the pipeline exists only while an event is being handled. Behaviour is
   * Nest's: concurrent handling, errors that pass the filters logged, `{ event, data }` results emitted,
   * other results acknowledged, work still running at disconnect unsubscribed and never answered.
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const receivedAt = performance.now();
        // fromEvent's payload: one argument as itself, several as an array.
        const payload = this.mapPayload(args.length > 1 ? args : args[0]) as {
          data: unknown;
          ack?: (body: unknown) => void;
        };
        const { data } = payload;
        const ack =
          typeof payload.ack === 'function' ? this.timed(message as string, receivedAt, payload.ack) : undefined;
        const subscription = defer(() => transform(callback(data, ack)))
          .pipe(
            filter((response) => response !== null && response !== undefined),
            catchError((error: unknown) => {
              this.logger.error(error);
              return EMPTY;
            }),
          )
          .subscribe((response) => {
            if (socket.disconnected) return;
            const { event, data: eventData } = (response ?? {}) as { event?: string; data?: unknown };
            if (event) socket.emit(event, eventData);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          });
        if (!subscription.closed) this.unsubscribeAtDisconnect(socket, subscription);
      });
    }
  }

  /** The acknowledgement, timed from the event's receipt (the handler's answer or the filter's problem). */
  private timed(event: string, receivedAt: number, ack: (body: unknown) => void): (body: unknown) => void {
    return (body) => {
      const outcome = body !== null && typeof body === 'object' && 'error' in body ? 'error' : 'ok';
      this.metrics.socketEventDuration.observe(event, outcome, (performance.now() - receivedAt) / 1_000);
      ack(body);
    };
  }

  /**
   * Nest's takeUntil(disconnect): one `disconnect` listener per socket while any of its events is being
   * handled (not one per event: a busy socket would pass the emitter's listener limit), none when idle.
   */
  private unsubscribeAtDisconnect(socket: Socket, subscription: Subscription): void {
    let running = this.running.get(socket);
    if (!running) {
      const handling = new Set<Subscription>();
      const stop = () => handling.forEach((each) => each.unsubscribe());
      socket.once('disconnect', stop);
      running = { handling, stop };
      this.running.set(socket, running);
    }
    const { handling, stop } = running;
    handling.add(subscription);
    subscription.add(() => {
      handling.delete(subscription);
      if (handling.size > 0) return;
      socket.off('disconnect', stop);
      this.running.delete(socket);
    });
  }

  /** Nest binds one hook per gateway and socket (7 here); one `once` listener per socket calls them all, in order. */
  override bindClientDisconnect(client: Socket, callback: (reason: unknown) => void): void {
    const hooks = this.disconnectHooks.get(client);
    if (hooks) return void hooks.push(callback);
    const list = [callback];
    this.disconnectHooks.set(client, list);
    client.once('disconnect', (reason) => {
      for (const hook of list) hook(reason);
    });
  }

  /**
   * Shutting down: each of this node's sockets is told to reconnect, then its connection closes as a
   * transport loss (socket.io-client reconnects by itself, to another node; after `io server
   * disconnect` it would not). Resolves once they are closed, or after `timeoutMs`.
   */
  async drain(timeoutMs = 2_000): Promise<void> {
    const sockets = this.connectedSockets();
    const closed = sockets.map(
      (socket) =>
        new Promise<void>((resolve) => (socket.disconnected ? resolve() : socket.once('disconnect', () => resolve()))),
    );
    for (const socket of sockets) {
      socket.emit(SERVER_SHUTDOWN.name, {
        code: 'socket.server.shutting-down',
        reconnect: true,
        // Spread out so that a node's clients do not all land on the next one at the same moment.
        reconnectAfterMs: Math.floor(Math.random() * 1_000),
      });
      socket.conn.close(); // flushes the notice first
    }
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  /** This node's sockets, in every namespace. */
  connectedSockets(): Socket[] {
    return this.servers.flatMap((server) =>
      [...(server as unknown as { _nsps: Map<string, Namespace> })._nsps.values()].flatMap((namespace) => [
        ...namespace.sockets.values(),
      ]),
    );
  }

  private originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    const allowed = this.config.http.corsOrigins;
    // Non-browser clients send no Origin; browsers always do, and only listed origins may connect.
    return !origin || allowed === '*' || allowed.includes(origin);
  }

  private secure(namespace: Namespace): void {
    namespace.use((socket, next) => {
      void this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          const failure = new Error(error instanceof DomainError ? error.message : 'Authentication failed') as Error & {
            data: { code: string };
          };
          failure.data = { code: error instanceof DomainError ? error.code : 'auth.unauthenticated' };
          next(failure);
        },
      );
    });
    namespace.on('connection', (socket: Socket) => {
      const principal = (socket.data as SocketData).principal;
      void socket.join([userRoom(principal.userId), sessionRoom(principal.sessionId)]);
      this.disconnectWhenExpired(socket, principal);
      void this.disconnectIfRevokedMeanwhile(socket, principal.sessionId);
    });
  }

  private async authenticate(socket: Socket): Promise<void> {
    // Before the token is even looked at, like the HTTP hook.
    if (await this.ipBlocks.isBlocked(socketClientIp(socket, this.config.http.trustProxy)))
      throw new ForbiddenError('http.ip.blocked', 'Requests from this address are blocked');
    const fromAuth = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
    const credential = fromAuth ?? RequestAuthenticator.bearerFrom(socket.handshake.headers.authorization);
    if (!credential) throw new UnauthenticatedError();
    // Refused before any lookup, so the handshake never tells a live key from a made-up one.
    if (credential.startsWith(API_KEY_PREFIX)) throw apiKeyRefused();
    const principal = await this.authenticator.authenticate(credential);
    if (principal.via !== 'access-token') throw apiKeyRefused();
    const { sessionId } = principal;
    if (!sessionId) throw new UnauthenticatedError('auth.token-invalid', 'The access token is invalid');
    (socket.data as SocketData).principal = { ...principal, sessionId };
    // Checked once: the socket need not keep the bearer token for its whole life (nor its ~0.4 KiB).
    if (fromAuth !== undefined) {
      const { token: _token, ...rest } = socket.handshake.auth as Record<string, unknown>;
      socket.handshake.auth = rest;
    }
  }

  /**
   * A session revoked between the handshake's check and the room join would miss the room-wide
   * disconnect; checking again once in the room closes that gap (revoke writes the entry first).
   */
  private async disconnectIfRevokedMeanwhile(socket: Socket, sessionId: string): Promise<void> {
    const revoked = await this.revocations.isRevoked(sessionId).catch(() => false);
    if (!revoked || socket.disconnected) return;
    socket.emit(SESSION_REVOKED.event.name, SESSION_REVOKED.notice);
    socket.disconnect(true);
  }

  /** An access token is only checked at the handshake, so the socket ends when the token does. */
  private disconnectWhenExpired(socket: Socket, principal: Principal): void {
    if (!principal.expiresAt) return;
    const timer = setTimeout(
      () => {
        socket.emit(AUTH_EXPIRED.name, { code: 'auth.token-expired' });
        socket.disconnect(true);
      },
      Math.max(0, principal.expiresAt * 1_000 - Date.now()),
    );
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
  }
}
