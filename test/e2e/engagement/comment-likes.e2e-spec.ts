import { eventually, type TestApp } from '@lib/platform/testing';
import { comment, publishedVideo } from '../../support/comments.js';
import { auth, people, sql } from '../../support/interactions.js';
import { startShowrunner } from '../../support/showrunner.js';

/** Liking comments: idempotent, exact under concurrency, shown on comments, ordering `top`, gone with the comment. */
describe('comment likes', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  }, 120_000);
  afterAll(() => app.close());

  const like = (user: Parameters<typeof auth>[0], commentId: string) =>
    app.request('PUT', `/v1/comments/${commentId}/like`, auth(user));
  const unlike = (user: Parameters<typeof auth>[0], commentId: string) =>
    app.request('DELETE', `/v1/comments/${commentId}/like`, auth(user));

  it('counts a like twice once, ignores unliking what was never liked, and stays exact under concurrent likes', async () => {
    const [creator, ...fans] = await people(app, 7);
    const videoId = await publishedVideo(app, creator, creator.user.id);
    const first = await comment(app, creator, videoId, 'First!');
    const second = await comment(app, fans[0], videoId, 'Second, but liked more');

    expect(await like(fans[1], first.id)).toMatchObject({ status: 200, body: { liked: true, likes: 1 } });
    expect(await like(fans[1], first.id)).toMatchObject({ status: 200, body: { liked: true, likes: 1 } });
    expect(await unlike(fans[2], first.id)).toMatchObject({ status: 200, body: { liked: false, likes: 1 } });

    // Five people at once: each answer sees a distinct count, the last one five.
    const answers = await Promise.all(fans.slice(0, 5).map((fan) => like(fan, second.id)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((answer) => answer.body.likes).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await unlike(fans[4], second.id)).toMatchObject({ body: { liked: false, likes: 4 } });

    const list = await app.request('GET', `/v1/videos/${videoId}/comments?order=top`, auth(fans[5]));
    expect(list.body.items.map((item: { id: string; likes: number }) => [item.id, item.likes])).toEqual([
      [second.id, 4],
      [first.id, 1],
    ]);
    // `top` pages on likes + replies with a cursor of its own.
    const page = await app.request('GET', `/v1/videos/${videoId}/comments?order=top&limit=1`, auth(fans[5]));
    expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
    const next = await app.request(
      'GET',
      `/v1/videos/${videoId}/comments?order=top&limit=1&cursor=${page.body.nextCursor}`,
      auth(fans[5]),
    );
    expect(next.body.items.map((item: { id: string }) => item.id)).toEqual([first.id]);
  }, 90_000);

  it('refuses blocked people, unknown and malformed ids, and drops the likes of a deleted comment', async () => {
    const [creator, author, fan, blocked] = await people(app, 4);
    const videoId = await publishedVideo(app, creator, creator.user.id);
    const liked = await comment(app, author, videoId, 'Like me, then I go');
    await like(fan, liked.id);
    await like(creator, liked.id);

    expect((await app.request('POST', `/v1/users/${blocked.user.id}/block`, auth(author))).status).toBeLessThan(300);
    expect(await like(blocked, liked.id)).toMatchObject({
      status: 403,
      body: { code: 'engagement.restriction.blocked' },
    });
    expect(await like(fan, '0190c5c2-7a0b-7d3e-9f00-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'engagement.comment.not-found' },
    });
    expect((await like(fan, 'not-a-uuid')).status).toBe(400);

    expect((await app.request('DELETE', `/v1/comments/${liked.id}`, auth(author))).status).toBe(200);
    await eventually(async () => {
      const rows = await sql<{ n: number }>(
        app,
        `select count(*)::int as n from engagement.likes where target_type = 'comment' and target_id = ?`,
        [liked.id],
      );
      expect(rows[0].n).toBe(0);
    });
    const [row] = await sql<{ like_count: number }>(app, 'select like_count from engagement.comments where id = ?', [
      liked.id,
    ]);
    expect(row.like_count).toBe(0);
    expect(await like(fan, liked.id)).toMatchObject({ status: 404, body: { code: 'engagement.comment.not-found' } });
  }, 90_000);
});
