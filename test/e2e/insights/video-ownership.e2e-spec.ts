import type { Socket } from 'socket.io-client';
import type { TestApp } from '@lib/platform/testing';
import { sql, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import {
  clientEvent,
  hourAgo,
  minutes,
  rebuildRollups,
  startInsightsWithBilling,
  track,
} from '../../support/insights.js';
import { connectSocket, type RegisteredUser } from '../../support/showrunner.js';
import { addMember, createChannel, makeClip, studioPerson, videoFromClip } from '../studio/studio-helpers.js';

/**
 * A video's channel comes from studio, never from client events. The attack: anonymous events on
 * someone else's unpublished video that claim the attacker's user id as `properties.channelId`
 * used to make the video the attacker's (its analytics answered to them) and hide it from its owner.
 */
describe('insights: whose video it is comes from studio', () => {
  let harness: BillingOnFakeStripe;
  let app: TestApp;
  let owner: RegisteredUser;
  let teammate: RegisteredUser;
  let attacker: RegisteredUser;
  let channelId: string;
  let videoId: string;
  const sockets: Socket[] = [];
  const hour = hourAgo(1);
  const from = hourAgo(2).toISOString();
  const to = hourAgo(-1).toISOString();

  const videoInsights = (user: RegisteredUser) =>
    app.request('GET', `/v1/insights/videos/${videoId}?from=${from}&to=${to}`, { token: user.tokens.accessToken });
  const subscribeLive = async (user: RegisteredUser, target: Record<string, unknown>) => {
    const socket = await connectSocket(app, { token: user.tokens.accessToken });
    sockets.push(socket);
    return socket.emitWithAck('insights:subscribe', target);
  };

  beforeAll(async () => {
    harness = await startInsightsWithBilling();
    app = harness.app;
    [owner, teammate, attacker] = [await studioPerson(app), await studioPerson(app), await studioPerson(app)];
    for (const user of [owner, teammate, attacker]) await subscribe(app, harness.fake, user, 'studio-pro'); // advanced analytics
    channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, teammate, 'viewer');
    // A draft: studio has announced nothing about it, so only its contract port knows whose it is.
    ({ videoId } = await videoFromClip(app, owner, channelId, makeClip()));

    const forged = { channelId: attacker.user.id, duration: 10 };
    const answer = await track(app, [
      clientEvent('video_start', minutes(hour, 5), { sessionId: 'anon-1', videoId, properties: forged }),
      clientEvent('video_progress', minutes(hour, 6), {
        sessionId: 'anon-1',
        videoId,
        properties: { ...forged, position: 5, elapsed: 5 },
      }),
      clientEvent('video_start', minutes(hour, 7), { sessionId: 'anon-2', videoId, properties: forged }),
    ]);
    expect(answer.body).toMatchObject({ accepted: 3, rejected: [] });
    await rebuildRollups(app, hourAgo(2), hourAgo(-1));
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await harness.close();
  });

  it('files the events under the channel studio knows, whatever channel they claim', async () => {
    const rows = await sql<{ channel_id: string | null; creator_id: string | null }>(
      app,
      `select channel_id, creator_id from insights.events where video_id = ?`,
      [videoId],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toEqual({ channel_id: channelId, creator_id: owner.user.id });
  });

  it('answers the attacker 404 for the video, over HTTP and on the live socket', async () => {
    const answer = await videoInsights(attacker);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('insights.video.not-found');
    const live = await subscribeLive(attacker, { videoId });
    expect(live.error.code).toBe('insights.video.not-found');
  });

  it('counts none of those views in the attacker’s own scope', async () => {
    const answer = await app.request(
      'GET',
      `/v1/insights/channels/${attacker.user.id}/overview?from=${from}&to=${to}`,
      { token: attacker.tokens.accessToken },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.metrics.views).toEqual({ value: 0 });
  });

  it('shows the video’s analytics to its owner and the channel’s team', async () => {
    for (const user of [owner, teammate]) {
      const answer = await videoInsights(user);
      expect(answer.status).toBe(200);
      expect(answer.body.channelId).toBe(channelId);
      expect(answer.body.metrics.views).toEqual({ value: 2 });
      expect(answer.body.metrics.uniqueViewers).toEqual({ value: 2 });
      expect(await subscribeLive(user, { videoId })).toEqual({ room: `insights:video:${videoId}` });
    }
    const channel = await app.request('GET', `/v1/insights/channels/${channelId}/overview?from=${from}&to=${to}`, {
      token: teammate.tokens.accessToken,
    });
    expect(channel.status).toBe(200);
    expect(channel.body.metrics.views).toEqual({ value: 2 });
  });
});
