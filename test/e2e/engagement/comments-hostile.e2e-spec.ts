import type { TestApp } from '@lib/platform/testing';
import { comment, publishedVideo, studioVideoEvent } from '../../support/comments.js';
import { ask, auth, person } from '../../support/messaging.js';
import { connectSocket, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { eventually } from '@lib/platform/testing';
import { addMember, createChannel, studioPerson } from '../studio/studio-helpers.js';

const ADMIN = { email: 'root@example.com', password: 'an admin password for tests' };

/** Every refusal is a problem document with a stable code, never a 500, and nothing is stored. */
describe('engagement: hostile comments', () => {
  let app: TestApp;
  let owner: RegisteredUser;
  let viewerRole: RegisteredUser;
  let otherOwner: RegisteredUser;
  let ann: RegisteredUser;
  let bob: RegisteredUser;
  let channelId: string;
  let videoId: string;

  const post = (user: RegisteredUser, id: string, body: unknown) =>
    app.request('POST', `/v1/videos/${id}/comments`, { ...auth(user), body });
  const expectProblem = (
    answer: { status: number; headers: Headers; body: { code: string } },
    status: number,
    code: string,
  ) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  };

  beforeAll(async () => {
    app = await startShowrunner({
      COMMENT_MAX_LENGTH: '100',
      COMMENT_DEFAULT_MAX_MENTIONS: '2',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    [owner, viewerRole, otherOwner] = [await studioPerson(app), await studioPerson(app), await studioPerson(app)];
    [ann, bob] = [await person(app), await person(app)];
    channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, viewerRole, 'viewer');
    await createChannel(app, otherOwner, 'Elsewhere');
    videoId = await publishedVideo(app, owner, channelId);
  }, 120_000);
  afterAll(() => app.close());

  it('answers the same 404 for unknown, unpublished and deleted videos, on every route and on the socket', async () => {
    const unpublished = await publishedVideo(app, owner, channelId);
    await studioVideoEvent(app, 'studio.video-unpublished.v1', {
      videoId: unpublished,
      channelId,
      unpublishedAt: new Date().toISOString(),
    });
    const deleted = await publishedVideo(app, owner, channelId);
    await studioVideoEvent(app, 'studio.video-deleted.v1', {
      videoId: deleted,
      channelId,
      deletedAt: new Date().toISOString(),
    });
    await eventually(async () => expect((await post(ann, deleted, { text: 'hi' })).status).toBe(404));
    await eventually(async () => expect((await post(ann, unpublished, { text: 'hi' })).status).toBe(404));

    for (const id of [crypto.randomUUID(), unpublished, deleted]) {
      expectProblem(await post(ann, id, { text: 'hello' }), 404, 'engagement.comment-video.not-found');
      expectProblem(
        await app.request('GET', `/v1/videos/${id}/comments`, auth(ann)),
        404,
        'engagement.comment-video.not-found',
      );
      const socket = await connectSocket(app, auth(ann));
      const ack = await ask(socket, 'comments:watch', { videoId: id });
      socket.close();
      expect(ack).toMatchObject({ error: { code: 'engagement.comment-video.not-found' } });
    }
  });

  it('refuses comments and replies on a video whose comments are off', async () => {
    const closedVideo = await publishedVideo(app, owner, channelId);
    const earlier = await comment(app, ann, closedVideo, 'before closing');
    await app.request('PUT', `/v1/videos/${closedVideo}/comment-settings`, {
      ...auth(owner),
      body: { commentsEnabled: false },
    });
    expectProblem(await post(bob, closedVideo, { text: 'hello' }), 403, 'engagement.comment.closed');
    expectProblem(
      await app.request('POST', `/v1/comments/${earlier.id}/replies`, { ...auth(bob), body: { text: 'late reply' } }),
      403,
      'engagement.comment.closed',
    );
  });

  it('refuses a reply to a comment on another video', async () => {
    const otherVideo = await publishedVideo(app, owner, channelId);
    const elsewhere = await comment(app, ann, otherVideo, 'on the other video');
    expectProblem(
      await post(bob, videoId, { text: 'sneaky', replyToId: elsewhere.id }),
      422,
      'engagement.comment.reply-elsewhere',
    );
  });

  it('refuses a blocked person’s reply, whichever side blocked', async () => {
    const root = await comment(app, ann, videoId, 'no replies from bob please');
    await app.request('POST', `/v1/users/${bob.user.id}/block`, auth(ann));
    expectProblem(
      await app.request('POST', `/v1/comments/${root.id}/replies`, { ...auth(bob), body: { text: 'hi ann' } }),
      403,
      'engagement.restriction.blocked',
    );
    const bobs = await comment(app, bob, videoId, 'my own thread');
    expectProblem(
      await app.request('POST', `/v1/comments/${bobs.id}/replies`, { ...auth(ann), body: { text: 'hi bob' } }),
      403,
      'engagement.restriction.blocked',
    );
    await app.request('DELETE', `/v1/users/${bob.user.id}/block`, auth(ann));
  });

  it('refuses more mentions than the account may make, counting each handle once', async () => {
    const answer = await post(ann, videoId, { text: '@one_aa @two_bb @three_cc look' });
    expectProblem(answer, 422, 'engagement.comment.too-many-mentions');
    expect(answer.body).toMatchObject({ mentions: 3, maxMentions: 2 });
    expect((await post(ann, videoId, { text: '@one_aa @ONE_AA @two_bb look' })).status).toBe(201);
  });

  it('refuses empty, blank, oversized and malformed comments with a 400', async () => {
    expectProblem(await post(ann, videoId, { text: '' }), 400, 'engagement.comment.invalid');
    expectProblem(await post(ann, videoId, { text: ' \n\t ' }), 400, 'engagement.comment.invalid');
    // Blank by the one rule messages share: separators String#trim keeps, zero-width characters, a BOM.
    for (const text of ['\u0085\u2028\u2029', '\u200B\u200D\u2060', ' \uFEFF\u3000\u200E '])
      expectProblem(await post(ann, videoId, { text }), 400, 'engagement.comment.invalid');
    const tooLong = await post(ann, videoId, { text: 'x'.repeat(101) });
    expectProblem(tooLong, 400, 'engagement.comment.too-long');
    expect(tooLong.body).toMatchObject({ length: 101, maxLength: 100 });
    expect((await post(ann, videoId, { text: 'x'.repeat(200_000) })).status).toBe(400);
    expect((await post(ann, videoId, { text: 42 })).status).toBe(400);
    expect((await post(ann, videoId, { text: 'hi', replyToId: 'not-a-uuid' })).status).toBe(400);
    expect((await app.request('GET', `/v1/videos/not-a-uuid/comments`, auth(ann))).status).toBe(400);
    expect((await app.request('GET', `/v1/videos/${videoId}/comments?order=loudest`, auth(ann))).status).toBe(400);
    expect((await app.request('GET', `/v1/videos/${videoId}/comments?cursor=garbage`, auth(ann))).status).toBe(400);
    expect(
      (await app.request('GET', `/v1/hashtags/${encodeURIComponent('not a tag')}/comments`, auth(ann))).status,
    ).toBe(400);
    expect((await app.request('GET', `/v1/videos/${videoId}/comments`)).status).toBe(401);
  });

  it('refuses another channel’s team, and a viewer of this one, every team action', async () => {
    const target = await comment(app, ann, videoId, 'pin me, delete me');
    for (const stranger of [otherOwner, viewerRole, bob]) {
      expectProblem(
        await app.request('PUT', `/v1/videos/${videoId}/pinned-comment`, {
          ...auth(stranger),
          body: { commentId: target.id },
        }),
        403,
        'engagement.comment.not-team',
      );
      expectProblem(
        await app.request('DELETE', `/v1/videos/${videoId}/pinned-comment`, auth(stranger)),
        403,
        'engagement.comment.not-team',
      );
      expectProblem(
        await app.request('DELETE', `/v1/comments/${target.id}`, auth(stranger)),
        403,
        'engagement.comment.not-team',
      );
      expectProblem(
        await app.request('POST', `/v1/comments/${target.id}/approve`, auth(stranger)),
        403,
        'engagement.comment.not-team',
      );
      expectProblem(
        await app.request('PUT', `/v1/videos/${videoId}/comment-settings`, {
          ...auth(stranger),
          body: { commentsEnabled: false },
        }),
        403,
        'engagement.comment.not-team',
      );
    }
    const page = (await app.request('GET', `/v1/videos/${videoId}/comments`, auth(ann))).body;
    expect(page).toMatchObject({ commentsEnabled: true });
    expect(page.items.find((c: { id: string }) => c.id === target.id)).toMatchObject({
      text: 'pin me, delete me',
      pinned: false,
    });
  });

  it('refuses to pin a reply or another video’s comment', async () => {
    const root = await comment(app, ann, videoId, 'root');
    const reply = await comment(app, bob, videoId, 'reply', root.id);
    const pin = (commentId: string) =>
      app.request('PUT', `/v1/videos/${videoId}/pinned-comment`, { ...auth(owner), body: { commentId } });
    expectProblem(await pin(reply.id), 422, 'engagement.comment.not-pinnable');
    const otherVideo = await publishedVideo(app, owner, channelId);
    expectProblem(
      await pin((await comment(app, ann, otherVideo, 'elsewhere')).id),
      404,
      'engagement.comment.not-found',
    );
  });

  it('stores nothing when trust & safety refuses the text (a link to a denied domain)', async () => {
    const login = await app.request('POST', '/v1/auth/login', { body: ADMIN });
    const admin = login.body.tokens.accessToken as string;
    const policy = (await app.request('GET', '/v1/admin/moderation/policy', { token: admin })).body;
    const saved = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: admin,
      body: { surfaces: policy.surfaces, limits: policy.limits, links: { allow: [], deny: ['cheap-pills.biz'] } },
    });
    expect(saved.status).toBe(200);
    const before = (await app.request('GET', `/v1/videos/${videoId}/comments`, auth(ann))).body.total;

    const refused = await post(ann, videoId, { text: 'cheap meds at https://shop.cheap-pills.biz/now' });
    expectProblem(refused, 422, 'trust-safety.content.refused');
    const root = await comment(app, ann, videoId, 'a clean comment');
    expectProblem(
      await app.request('POST', `/v1/comments/${root.id}/replies`, {
        ...auth(bob),
        body: { text: 'visit cheap-pills.biz' },
      }),
      422,
      'trust-safety.content.refused',
    );
    const after = (await app.request('GET', `/v1/videos/${videoId}/comments`, auth(ann))).body;
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({ id: root.id, replyCount: 0 });
  });
});
