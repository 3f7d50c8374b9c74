import type { TestApp } from '@lib/platform/testing';
import { auth, person } from '../../support/messaging.js';
import { startShowrunner } from '../../support/showrunner.js';

/** What's new is cached for FEED_WHATS_NEW_CACHE_SECONDS: visitors share one read until it expires. */
describe('engagement: what’s new is cached briefly', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ FEED_WHATS_NEW_CACHE_SECONDS: '5' });
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  it('answers from the cache until it expires, then shows the newer post', async () => {
    const creator = await person(app);
    const write = async (text: string) =>
      (await app.request('POST', '/v1/me/posts', { ...auth(creator), body: { text } })).body.id as string;
    const ids = async () =>
      (await app.request('GET', '/v1/feed/whats-new?limit=5')).body.items.map((e: { id: string }) => e.id);

    const first = await write('First news');
    expect(await ids()).toEqual([first]);
    const second = await write('Second news');
    expect(await ids()).toEqual([first]); // the cached answer
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect(await ids()).toEqual([second, first]);
  }, 60_000);
});
