import { ERRORS } from '@tus/server';
import { Redis } from 'ioredis';
import { testRedisUrl, uniquePrefix } from '@lib/platform/testing';
import { RedisTusLocker } from './redis-tus-locker.js';

/** Two lockers on one Redis stand for two API nodes: one lock per upload between them (docs/adr/0050). */
describe('RedisTusLocker across nodes', () => {
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(testRedisUrl());
    clients.push(redis);
    return redis;
  };
  const node = (prefix: string, options: { acquireTimeoutMs?: number; ttlMs?: number } = {}) =>
    new RedisTusLocker(client(), client, { prefix, ...options });
  afterAll(() => Promise.all(clients.map((redis) => redis.quit())));

  it('asks the holding node to let go, and grants the lock only once it has', async () => {
    const prefix = uniquePrefix('tus');
    const [a, b] = [node(prefix), node(prefix)];
    const events: string[] = [];
    const held = a.newLock('upload-1');
    let releasing: Promise<void> | undefined;
    // Asked again at every retry while the cancelled request winds down, as tus's own locker does.
    await held.lock(new AbortController().signal, () => {
      events.push('a asked to release');
      return (releasing ??= new Promise<void>((resolve) => setTimeout(resolve, 100)).then(async () => {
        events.push('a releases');
        await held.unlock();
      }));
    });
    const wanted = b.newLock('upload-1');
    await wanted.lock(new AbortController().signal, async () => undefined);
    events.push('b holds');
    expect(events[0]).toBe('a asked to release');
    expect(events.slice(-2)).toEqual(['a releases', 'b holds']);
    await wanted.unlock();
  });

  it('times out when the holder does not let go, and never deletes a lock it does not hold', async () => {
    const prefix = uniquePrefix('tus');
    const [a, b] = [node(prefix), node(prefix, { acquireTimeoutMs: 300 })];
    const stubborn = a.newLock('upload-2');
    await stubborn.lock(new AbortController().signal, async () => undefined);
    const waiting = b.newLock('upload-2');
    await expect(waiting.lock(new AbortController().signal, async () => undefined)).rejects.toBe(
      ERRORS.ERR_LOCK_TIMEOUT,
    );
    await waiting.unlock(); // a request that never got the lock releasing it must not free a's
    expect(await a.commands.exists(a.key('upload-2'))).toBe(1);
    await stubborn.unlock();
    expect(await a.commands.exists(a.key('upload-2'))).toBe(0);
  });

  it("lets a crashed holder's lock lapse after its time to live", async () => {
    const prefix = uniquePrefix('tus');
    const crashed = node(prefix, { ttlMs: 200 });
    await crashed.commands.set(crashed.key('upload-3'), 'a-dead-node', 'PX', 200);
    const next = node(prefix).newLock('upload-3');
    await next.lock(new AbortController().signal, async () => undefined);
    await next.unlock();
  });
});
