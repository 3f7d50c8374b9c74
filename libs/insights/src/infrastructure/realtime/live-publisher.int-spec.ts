import { Test } from '@nestjs/testing';
import { AppConfig } from '@config';
import { ProcessRole, RealtimeEmitter, RedisConnections } from '@lib/platform';
import { testRedisUrl, uniquePrefix } from '@lib/platform/testing';
import { LivePublisher } from './live-publisher.js';

describe('LivePublisher at shutdown', () => {
  it('lets a tick in flight finish before the Redis connections close', async () => {
    const config = {
      insights: { livePushIntervalMs: 60_000 },
      redis: { url: testRedisUrl(), prefix: uniquePrefix('live') },
    } as AppConfig;
    const context = await Test.createTestingModule({
      providers: [
        LivePublisher,
        RedisConnections,
        RealtimeEmitter,
        { provide: AppConfig, useValue: config },
        { provide: ProcessRole, useValue: new ProcessRole(false, true) },
      ],
    }).compile();
    await context.init();
    const connections = context.get(RedisConnections);
    await connections.commands().zadd(connections.key('insights', 'live-scopes'), Date.now(), 'platform:*');

    const tick = context.get(LivePublisher).tick(); // its first command (the lock) is on the wire
    await context.close(); // RedisConnections quits in its shutdown hook
    // Cut off by the QUIT, the tick would have logged 'live counters not pushed' and pushed nothing.
    expect(await tick).toEqual([expect.objectContaining({ scope: 'platform', id: '*', viewersNow: 0 })]);
  });
});
