import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { TestApp } from '@lib/platform/testing';
import { sql, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { clientEvent, startInsightsWithBilling, track } from '../../support/insights.js';
import { connectSocket, nextEvent, registerUser, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, studioPerson } from '../studio/studio-helpers.js';

describe('insights: live counters on dashboard sockets', () => {
  let harness: BillingOnFakeStripe;
  let app: TestApp;
  let creator: RegisteredUser;
  let channelId: string;
  const sockets: Socket[] = [];
  const connect = async (user: RegisteredUser) => {
    const socket = await connectSocket(app, { token: user.tokens.accessToken });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    harness = await startInsightsWithBilling({ INSIGHTS_LIVE_PUSH_INTERVAL_MS: '1000' });
    app = harness.app;
    creator = await studioPerson(app);
    await subscribe(app, harness.fake, creator, 'creator-plus');
    channelId = await createChannel(app, creator);
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await harness.close();
  });

  it('pushes an ingested heartbeat to the channel’s dashboard within 5 seconds', async () => {
    const socket = await connect(creator);
    expect(await socket.emitWithAck('insights:subscribe', { channelId })).toEqual({
      room: `insights:channel:${channelId}`,
    });
    const videoId = randomUUID();
    // Studio's catalogue as `studio.video-published.v1` leaves it: the video is the channel's.
    await sql(app, `insert into insights.videos (video_id, channel_id, creator_id) values (?, ?, ?)`, [
      videoId,
      channelId,
      creator.user.id,
    ]);
    const live = nextEvent(socket, 'insights:live', 5_000);
    const answer = await track(app, [
      clientEvent('video_progress', new Date(), { sessionId: 'viewer-1', videoId, properties: { position: 3 } }),
      clientEvent('video_progress', new Date(), { sessionId: 'viewer-2', videoId, properties: { position: 8 } }),
    ]);
    expect(answer.body.accepted).toBe(2);
    expect(await live).toMatchObject({ scope: 'channel', id: channelId, viewersNow: 2, eventsPerMinute: 2 });
  });

  it('gives admins the platform counters, and nobody else', async () => {
    const admin = await connectSocket(app, { token: harness.adminToken });
    sockets.push(admin);
    expect(await admin.emitWithAck('insights:subscribe', { platform: true })).toEqual({ room: 'insights:platform:*' });
    const live = nextEvent(admin, 'insights:live', 5_000);
    await track(app, [clientEvent('page_view', new Date(), { sessionId: 'someone' })]);
    expect(await live).toMatchObject({ scope: 'platform', id: '*' });
    const member = await connect(creator);
    const refused = await member.emitWithAck('insights:subscribe', { platform: true });
    expect(refused.error.code).toBe('insights.dashboard.forbidden');
  });

  it('refuses a creator whose plan has no analytics', async () => {
    const free = await registerUser(app);
    const socket = await connect(free);
    const answer = await socket.emitWithAck('insights:subscribe', { channelId: free.user.id });
    expect(answer.error.code).toBe('billing.entitlement.required');
  });

  it('refuses another creator’s channel', async () => {
    const other = await registerUser(app);
    await subscribe(app, harness.fake, other, 'creator-plus');
    const socket = await connect(other);
    const answer = await socket.emitWithAck('insights:subscribe', { channelId });
    expect(answer.error.code).toBe('insights.channel.not-found');
  });

  it('refuses, as invalid, a subscription naming no scope, several, or a malformed one', async () => {
    const socket = await connect(creator);
    for (const target of [{}, { channelId: 'nope' }, { platform: false }, { channelId, videoId: channelId }, 'x']) {
      const answer = await socket.emitWithAck('insights:subscribe', target);
      expect([target, answer.error?.code]).toEqual([target, 'validation.failed']);
    }
  });
});
