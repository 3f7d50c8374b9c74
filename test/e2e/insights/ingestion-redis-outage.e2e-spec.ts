import type { TestApp } from '@lib/platform/testing';
import { startRedisServer } from '../../../libs/platform/src/runtime/redis-server.js';
import type { RunningService } from '../../../libs/platform/src/runtime/embedded-postgres.js';
import { sql } from '../../support/billing.js';
import { clientEvent, pgArray, startInsights, track } from '../../support/insights.js';

/** The acknowledgement depends on PostgreSQL only: Redis going away must neither lose nor refuse events. */
describe('insights: an ingestion burst while Redis restarts', () => {
  let redis: RunningService;
  let app: TestApp;

  beforeAll(async () => {
    redis = await startRedisServer(); // this file's own Redis: restarting the shared one would disturb other files
    app = await startInsights({}, { redisUrl: redis.url });
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('acknowledges every batch and loses none of the acknowledged events', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    const burst = async (batches: number) => {
      await Promise.all(
        Array.from({ length: batches }, async (_, b) => {
          const events = Array.from({ length: 25 }, () =>
            clientEvent('video_progress', new Date(), { sessionId: `burst-${b}`, properties: { position: 1 } }),
          );
          const answer = await track(app, events).catch(() => ({ status: 0, body: null }));
          statuses.push(answer.status);
          if (answer.status === 200 && answer.body.accepted === events.length)
            acknowledged.push(...events.map((event) => event.eventId));
        }),
      );
    };

    await burst(4);
    const port = Number(new URL(redis.url).port);
    const stopping = redis.stop();
    await burst(6); // while Redis shuts down
    await stopping;
    await burst(6); // while it is down
    redis = await startRedisServer({ port }); // exactly that port, or it fails
    await burst(4); // while clients reconnect

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(acknowledged).toHaveLength(20 * 25);
    const [row] = await sql<{ stored: number; distinct: number }>(
      app,
      `select count(*)::int as stored, count(distinct event_id)::int as distinct from insights.events where event_id = any(?::uuid[])`,
      [pgArray(acknowledged)],
    );
    expect(row).toEqual({ stored: acknowledged.length, distinct: acknowledged.length });
  });
});
