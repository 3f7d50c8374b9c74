import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '@lib/platform/testing';
import { ApiModule } from '../../../apps/api/src/api.module.js';
import { connectSocket, nextEvent, registerUser, startShowrunner } from '../../support/showrunner.js';

describe('profile.updated reaches every connected device of the user (worker → Redis → socket)', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await app.close();
  });

  it('pushes the new profile to the user’s sockets and to nobody else', async () => {
    const user = await registerUser(app);
    const stranger = await registerUser(app);
    const phone = await connectSocket(app, { token: user.tokens.accessToken });
    const laptop = await connectSocket(app, { token: user.tokens.accessToken });
    const other = await connectSocket(app, { token: stranger.tokens.accessToken });
    sockets.push(phone, laptop, other);
    const strangerHeard: { userId: string }[] = [];
    other.on('profile.updated', (payload: { userId: string }) => strangerHeard.push(payload));

    const onPhone = nextEvent(phone, 'profile.updated');
    const onLaptop = nextEvent(laptop, 'profile.updated');
    const patch = await app.request('PATCH', '/v1/me', {
      token: user.tokens.accessToken,
      body: { displayName: 'Renamed Live' },
    });
    expect(patch.status).toBe(200);

    const [pushed, alsoPushed] = await Promise.all([onPhone, onLaptop]);
    expect(pushed).toMatchObject({
      userId: user.user.id,
      displayName: 'Renamed Live',
      changedFields: ['displayName'],
      version: 2,
    });
    expect(alsoPushed.eventId).toBe(pushed.eventId);
    // The stranger's own later change comes down the same consumer, Redis channel and socket: once it
    // has arrived, anything of the user's sent to this socket would have arrived before it.
    const ownPush = nextEvent(other, 'profile.updated');
    await app.request('PATCH', '/v1/me', {
      token: stranger.tokens.accessToken,
      body: { displayName: 'Stranger Live' },
    });
    await expect(ownPush).resolves.toMatchObject({ userId: stranger.user.id });
    expect(strangerHeard.map((payload) => payload.userId)).toEqual([stranger.user.id]);
  });

  it('reaches a socket on another API node through the Redis adapter', async () => {
    // Node B serves HTTP and sockets only; it shares the database and the Redis namespace with A.
    const nodeB = await startTestApp((config) => ApiModule.forRoot(config), {
      database: app.runtime.database,
      env: { REDIS_PREFIX: app.config.redis.prefix, SEARCH_INDEX_PREFIX: app.config.search.indexPrefix },
    });
    try {
      const user = await registerUser(app);
      const onNodeB = await connectSocket(nodeB, { token: user.tokens.accessToken });
      sockets.push(onNodeB);
      const pushed = nextEvent(onNodeB, 'profile.updated');
      await app.request('PATCH', '/v1/me', { token: user.tokens.accessToken, body: { bio: 'Written on node A' } });
      await expect(pushed).resolves.toMatchObject({ userId: user.user.id, bio: 'Written on node A' });
    } finally {
      await nodeB.close();
    }
  });
});
