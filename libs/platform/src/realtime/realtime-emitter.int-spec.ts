import { once } from 'node:events';
import type { AppConfig } from '@config';
import { RedisConnections } from '../queues/redis-connections.js';
import { testRedisUrl, uniquePrefix } from '../testing/test-database.js';
import { SERVER_SHUTDOWN } from './platform-socket-events.js';
import { RealtimeEmitter } from './realtime-emitter.js';
import { socketChannelKey } from './rooms.js';

describe('RealtimeEmitter around a shutdown', () => {
  const prefix = uniquePrefix('emitter');
  const connect = () => new RedisConnections({ redis: { url: testRedisUrl(), prefix } } as AppConfig);

  it('publishes to the socket channel while Redis is up', async () => {
    const listener = connect();
    const connections = connect();
    try {
      const subscriber = listener.dedicated();
      await subscriber.psubscribe(`${socketChannelKey(prefix)}*`);
      const received = new Promise<string>((resolve) => subscriber.once('pmessage', (_p, channel) => resolve(channel)));
      new RealtimeEmitter(connections).toRoom('room-1', SERVER_SHUTDOWN, {});
      expect(await received).toContain(socketChannelKey(prefix));
    } finally {
      await Promise.all([listener.onApplicationShutdown(), connections.onApplicationShutdown()]);
    }
  });

  // The CI flake: a push after QUIT was flushed with "Connection is closed." as an unhandled rejection,
  // which Jest pinned on the beforeAll that booted the app, failing every test of the file.
  it('a push cut off by the connections closing is a lost push, not an unhandled rejection', async () => {
    const connections = connect();
    const emitter = new RealtimeEmitter(connections);
    const client = connections.commands();
    await client.ping();
    const ended = once(client, 'end'); // the pending PUBLISH is rejected when the socket closes, after QUIT's reply
    const shutdown = connections.onApplicationShutdown(); // QUIT is written now
    emitter.toRoom('room-1', SERVER_SHUTDOWN, {}); // its PUBLISH follows the QUIT: never answered
    await Promise.all([shutdown, ended]);
    // An unhandled rejection is reported once the microtask queue drains: give it a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  });
});
