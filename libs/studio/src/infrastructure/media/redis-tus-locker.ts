import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import type { Redis } from 'ioredis';

// Deletes or extends the lock only while this holder's token is still in it (never another node's lock).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisTusLockerOptions {
  /** Key and channel namespace (REDIS_PREFIX). */
  prefix: string;
  /** How long a request waits for another request's lock before tus answers it with an error. */
  acquireTimeoutMs?: number;
  /** A crashed holder's lock lapses after this; a live holder extends it every third of it. */
  ttlMs?: number;
  /** Between two attempts while the lock is held elsewhere. */
  retryMs?: number;
}

/**
 * A tus locker shared by every API node through Redis (tus's MemoryLocker only locks within one
 * process). The lock is `SET NX PX` with a random token; a request waiting for it publishes a release
 * request, and whichever node holds the lock cancels its request (the tus protocol's "newest request
 * wins"), exactly like the in-memory locker does within one process.
 */
export class RedisTusLocker implements Locker {
  private readonly logger = new Logger(RedisTusLocker.name);
  /** Locks held by this process, by upload id: whom to ask when another request wants the upload. */
  readonly held = new Map<string, RequestRelease>();
  readonly acquireTimeoutMs: number;
  readonly ttlMs: number;
  readonly retryMs: number;
  private subscribed?: Promise<unknown>;

  constructor(
    readonly commands: Redis,
    private readonly subscriber: () => Redis,
    private readonly options: RedisTusLockerOptions,
  ) {
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.retryMs = options.retryMs ?? 25;
  }

  get channel(): string {
    return `${this.options.prefix}:tus:release`;
  }

  key(id: string): string {
    return `${this.options.prefix}:tus:lock:${id}`;
  }

  /** Subscribes once, before the first lock is taken (a release request must reach the holder). */
  ready(): Promise<unknown> {
    return (this.subscribed ??= this.subscribe());
  }

  private subscribe(): Promise<unknown> {
    const subscriber = this.subscriber();
    subscriber.on('message', (channel: string, id: string) => {
      const release = channel === this.channel ? this.held.get(id) : undefined;
      if (release)
        void Promise.resolve(release()).catch((error: unknown) => this.logger.warn({ err: error }, 'release failed'));
    });
    return subscriber.subscribe(this.channel);
  }

  newLock(id: string): Lock {
    return new RedisTusLock(this, id);
  }
}

class RedisTusLock implements Lock {
  private readonly token = randomBytes(16).toString('hex');
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly locker: RedisTusLocker,
    private readonly id: string,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    await this.locker.ready();
    const { commands, ttlMs, retryMs } = this.locker;
    const key = this.locker.key(this.id);
    const deadline = Date.now() + this.locker.acquireTimeoutMs;
    for (;;) {
      // tus's own error objects ({status_code, body}) are what its handlers answer with.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (signal.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      if ((await commands.set(key, this.token, 'PX', ttlMs, 'NX')) === 'OK') {
        this.locker.held.set(this.id, requestRelease);
        this.renewal = setInterval(
          () => void commands.eval(EXTEND, 1, key, this.token, String(ttlMs)).catch(() => undefined),
          Math.max(1_000, Math.floor(ttlMs / 3)),
        ).unref();
        return;
      }
      // Held by another request (on any node): ask it to let go, then try again.
      await commands.publish(this.locker.channel, this.id);
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    this.locker.held.delete(this.id);
    await this.locker.commands.eval(RELEASE, 1, this.locker.key(this.id), this.token);
  }
}
