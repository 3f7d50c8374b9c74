import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, httpRequest } from '@lib/platform/testing';
import {
  registerPerson,
  sharedServices,
  spawnApi,
  spawnWorker,
  type AppProcess,
  type SharedServices,
} from '../../support/processes.js';
import { makeClip } from '../studio/media/media-harness.js';

const b64 = (value: string) => Buffer.from(value).toString('base64');

/**
 * The worker under SIGKILL (ADR 0049): killed inside an event consumer's transaction, then again
 * after its commit but before the job completed, and killed while ffmpeg transcodes. After a restart
 * each effect exists exactly once.
 */
describe('faults: the worker killed mid-consumer and mid-transcode', () => {
  let services: SharedServices;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    services = await sharedServices();
    [api, worker] = await Promise.all([
      spawnApi(services.env),
      // Armed from the start: the first welcome dies inside its transaction (nothing committed).
      spawnWorker(services, { ...services.env, FAULT_INJECT: 'consumer.before-commit:engagement.welcome' }),
    ]);
  }, 240_000); // two real processes booting from source on a loaded 2-core machine

  afterAll(() => services?.close());

  const register = (handle: string) => registerPerson(api.url, handle);

  it('killed before and after a consumer commits: one welcome notification, one inbox entry', async () => {
    const { userId, token } = await register('welcomed_once');
    await worker.died();
    expect(worker.output()).toContain('FAULT_INJECT: killed at consumer.before-commit:engagement.welcome');
    const welcomes = () =>
      services.sql<{ count: number }>(
        `select count(*)::int from engagement.notifications where user_id = $1 and type = 'account.welcome'`,
        [userId],
      );
    expect(await welcomes()).toEqual([{ count: 0 }]); // rolled back with the process

    // The stalled job runs again on the restarted worker, commits, and the worker dies before completing it
    // (perhaps before its boot ends: Bull's stalled check can come before the outbox relay LISTENs).
    await worker.restart({ FAULT_INJECT: 'consumer.after-commit:engagement.welcome' }, { ready: false });
    await worker.died(120_000);
    expect(worker.output()).toContain('FAULT_INJECT: killed at consumer.after-commit:engagement.welcome');
    expect(await welcomes()).toEqual([{ count: 1 }]);

    // Third run of the same job: the inbox entry makes it a duplicate, and nothing more happens.
    await worker.restart({ FAULT_INJECT: '' });
    const [{ id: eventId }] = await services.sql<{ id: string }>(
      `select id from platform.outbox where type = 'identity.user-registered.v1' and payload->>'userId' = $1`,
      [userId],
    );
    await eventually(
      async () =>
        expect(
          await services.redis.hget(
            `${services.env.REDIS_PREFIX}:bull:engagement.welcome:${eventId}:engagement.welcome`,
            'returnvalue',
          ),
        ).toBe(JSON.stringify('duplicate')),
      { timeoutMs: 30_000 },
    );
    expect(await welcomes()).toEqual([{ count: 1 }]);
    expect(
      await services.sql(`select 1 from platform.inbox where event_id = $1 and consumer = 'engagement.welcome'`, [
        eventId,
      ]),
    ).toHaveLength(1);
    const listed = await httpRequest(api.url, 'GET', '/v1/notifications', { token });
    expect(listed.body.items.filter((item: { type: string }) => item.type === 'account.welcome')).toHaveLength(1);
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine

  it('killed while ffmpeg transcodes: the restarted worker finishes the video, with one set of renditions', async () => {
    await worker.restart({ FAULT_INJECT: 'media.mid-transcode' });
    const { token } = await register('transcoded_once');
    // Studio access starts at Creator Plus (ADR 0056): a sandbox checkout, paid on its page.
    const checkout = await httpRequest(api.url, 'POST', '/v1/billing/checkout', {
      token,
      body: { planId: 'creator-plus', interval: 'month' },
    });
    expect(checkout.status).toBe(201);
    const paid = await fetch(`${api.url}/sandbox/checkout/${checkout.body.sessionId}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    // Studio knows the person once the worker has projected the registration (and the plan is in force).
    const channel = await eventually(
      async () => {
        const answer = await httpRequest(api.url, 'POST', '/v1/studio/channels', { token, body: { name: 'Faults' } });
        expect(answer.status).toBe(201);
        return answer;
      },
      { timeoutMs: 60_000 },
    );
    const bytes = readFileSync(makeClip({ width: 640, height: 360, seconds: 2 }));
    const headers = { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}` };
    const created = await fetch(`${api.url}/v1/studio/uploads`, {
      method: 'POST',
      headers: {
        ...headers,
        'upload-length': String(bytes.length),
        'upload-metadata': `channelId ${b64(channel.body.id)},filename ${b64('episode.mp4')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!, api.url);
    const patched = await fetch(`${api.url}${location.pathname}`, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes,
    });
    expect(patched.status).toBe(204);
    const video = await httpRequest(api.url, 'POST', `/v1/studio/channels/${channel.body.id}/videos`, {
      token,
      body: { title: 'Interrupted', uploadId: location.pathname.split('/').pop() },
    });
    expect(video.status).toBe(201);

    await worker.died(60_000);
    expect(worker.output()).toContain('FAULT_INJECT: killed at media.mid-transcode');
    await worker.restart({ FAULT_INJECT: '' });
    const ready = await eventually(
      async () => {
        const answer = await httpRequest(api.url, 'GET', `/v1/studio/videos/${video.body.id}`, { token });
        expect(answer.body.state).toBe('ready');
        return answer.body;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(ready).toMatchObject({ progress: { percent: 100, step: null }, error: null });
    expect(ready.renditions.map((rendition: { name: string }) => rendition.name)).toEqual(['360p']);
    const [{ asset_id: assetId }] = await services.sql<{ asset_id: string }>(
      `select asset_id from studio.videos where id = $1`,
      [video.body.id],
    );
    // One run's output is visible; the killed run's scratch output never reached the store.
    expect(readdirSync(join(services.env.DATA_DIR, 'media', 'assets', assetId, 'hls'))).toHaveLength(1);
    expect(
      await services.sql(`select 1 from platform.outbox where type = 'studio.transcoding-failed.v1'`),
    ).toHaveLength(0);
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine
});
