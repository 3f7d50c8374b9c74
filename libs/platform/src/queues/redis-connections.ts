import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { AppConfig } from '@config';

/** ioredis states between a lost connection and the next `ready` (or `close`, when the attempt fails). */
const MID_RECONNECT = new Set(['reconnecting', 'connecting', 'connect']);

/** How long a connected client's QUIT may take before the socket is just closed. */
const QUIT_TIMEOUT_MS = 1_000;

/**
 * The process's Redis connections. Commands share one client; queues share one client and one
 * subscriber (only Bull's blocking connections are per queue), so connections stay few.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly created: Redis[] = [];
  private sharedCommands?: Redis;
  private queueClient?: Redis;
  private queueSubscriber?: Redis;
  private readonly blocking: Redis[] = [];

  constructor(private readonly config: AppConfig) {}

  /** The shared general-purpose client; build its keys with `key()`. */
  commands(): Redis {
    return (this.sharedCommands ??= this.create({}));
  }

  /** A key namespaced with REDIS_PREFIX, so deployments (and test files) sharing a Redis stay apart. */
  key(...parts: string[]): string {
    return [this.config.redis.prefix, ...parts].join(':');
  }

  get prefix(): string {
    return this.config.redis.prefix;
  }

  /** Connections for Bull: `client` and `subscriber` are shared, `bclient` must be one per queue. */
  forBull(type: 'client' | 'subscriber' | 'bclient'): Redis {
    // Bull refuses blocking/subscriber connections that retry requests or wait for a ready check.
    const bullSafe: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: false };
    if (type === 'client') return (this.queueClient ??= this.shared(this.create(bullSafe)));
    if (type === 'subscriber') return (this.queueSubscriber ??= this.shared(this.create(bullSafe)));
    const blocking = this.create(bullSafe);
    this.blocking.push(blocking);
    return blocking;
  }

  /**
   * Waits until each of Bull's blocking connections that sits in a reconnect backoff, or is in the middle of an
   * attempt, has finished its next attempt (ready, or failed again because Redis is still away), within `timeoutMs`.
   * Bull closes a queue by dropping its blocking connection and connecting it again; one dropped during a backoff
   * keeps its offline BRPOPLPUSH commands and sends them on that connect, and the close then waited out each one's
   * 5 s timeout in turn (ADR 0075). One dropped while its attempt is under way is still `connecting` when Bull calls
   * `connect()`, which then fails ("already connecting") and leaves the queue's close hanging. Connected, the
   * commands are in flight and Bull's disconnect fails them. Calling `connect()` here instead would race ioredis's
   * own backoff timer, which it does not cancel.
   */
  async settleReconnectingBlockingClients(timeoutMs: number): Promise<void> {
    await Promise.all(
      this.blocking
        .filter((client) => MID_RECONNECT.has(client.status))
        .map(
          (client) =>
            new Promise<void>((done) => {
              const finish = () => {
                clearTimeout(timer);
                client.off('ready', finish).off('close', finish);
                done();
              };
              const timer = setTimeout(finish, timeoutMs);
              client.once('ready', finish).once('close', finish); // 'close': that attempt failed
            }),
        ),
    );
  }

  /** A dedicated connection (pub/sub clients for Socket.IO, for instance). */
  dedicated(options: RedisOptions = {}): Redis {
    return this.create(options);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.created.map((client) => closeBounded(client)));
    this.created.length = 0;
    this.blocking.length = 0;
  }

  /** Every queue adds its listeners to the shared connections: one per queue is expected, not a leak. */
  private shared(client: Redis): Redis {
    client.setMaxListeners(0);
    return client;
  }

  private create(options: RedisOptions): Redis {
    const client = new Redis(this.config.redis.url, { lazyConnect: false, ...options });
    // ioredis reconnects by itself; without a listener an outage would crash the process.
    client.on('error', () => undefined);
    this.created.push(client);
    return client;
  }
}

/**
 * QUIT on a connected client (its pending replies arrive first), within QUIT_TIMEOUT_MS; any other client is
 * just disconnected: while Redis is unreachable, ioredis queues QUIT behind the commands waiting offline,
 * which Bull's connections (no retry limit) keep forever, so a worker whose Redis went away never shut down.
 */
async function closeBounded(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<void>((done) => (timer = setTimeout(done, QUIT_TIMEOUT_MS)));
    await Promise.race([client.quit().catch(() => undefined), timeUp]);
    clearTimeout(timer);
  }
  if (client.status !== 'end') client.disconnect();
}
