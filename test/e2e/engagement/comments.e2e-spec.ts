import type { Socket } from 'socket.io-client';
import { eventually, type TestApp } from '@lib/platform/testing';
import { sql } from '../../support/billing.js';
import { comment, publishedVideo } from '../../support/comments.js';
import { ask, auth, collect, person } from '../../support/messaging.js';
import { connectSocket, nextEvent, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { addMember, createChannel, studioPerson } from '../studio/studio-helpers.js';

/** Comments on a published video: threads, orders, edits, the team's tools, blocks, pushes and notifications. */
describe('engagement: video comments', () => {
  let app: TestApp;
  let owner: RegisteredUser;
  let editor: RegisteredUser;
  let ann: RegisteredUser;
  let bob: RegisteredUser;
  let cat: RegisteredUser;
  let channelId: string;
  const sockets: Socket[] = [];

  const watch = async (user: RegisteredUser, videoId: string) => {
    const socket = await connectSocket(app, auth(user));
    sockets.push(socket);
    expect(await ask(socket, 'comments:watch', { videoId })).toEqual({ watching: videoId });
    return socket;
  };
  const list = async (user: RegisteredUser, videoId: string, query = '') =>
    (await app.request('GET', `/v1/videos/${videoId}/comments${query}`, auth(user))).body;
  const notificationsOf = async (user: RegisteredUser) =>
    (await app.request('GET', '/v1/notifications?limit=100', auth(user))).body.items as Array<{
      type: string;
      subjectId: string;
      actorIds: string[];
      data: Record<string, unknown>;
    }>;

  beforeAll(async () => {
    app = await startShowrunner({ COMMENT_EDIT_WINDOW_SECONDS: '60' });
    [owner, editor] = [await studioPerson(app), await studioPerson(app)];
    [ann, bob, cat] = [await person(app), await person(app), await person(app)];
    await eventually(async () => expect((await notificationsOf(owner)) ?? []).toBeDefined()); // owner known to engagement
    channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, editor, 'editor');
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
  });

  it('threads replies two levels deep, pushes new ones to the video room and tells the creator, the person answered and the mentioned', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const watcher = await watch(cat, videoId);
    const created = collect(watcher, 'comment:created');

    const root = await comment(app, ann, videoId, `First! #Cooking with @${cat.user.handle}`);
    expect(root).toMatchObject({
      status: 'visible',
      threadId: null,
      hashtags: ['cooking'],
      mentionedUserIds: [cat.user.id],
    });
    const reply = (
      await app.request('POST', `/v1/comments/${root.id}/replies`, { ...auth(bob), body: { text: 'Agreed' } })
    ).body;
    const deeper = (
      await app.request('POST', `/v1/comments/${reply.id}/replies`, { ...auth(ann), body: { text: 'Thanks bob' } })
    ).body;
    expect(deeper).toMatchObject({ threadId: root.id, inReplyToId: reply.id, inReplyToUserId: bob.user.id });

    await eventually(async () =>
      expect(created.map((c: { id: string }) => c.id)).toEqual([root.id, reply.id, deeper.id]),
    );
    const page = await list(cat, videoId);
    expect(page).toMatchObject({ total: 3, commentsEnabled: true });
    expect(page.items).toEqual([
      expect.objectContaining({
        id: root.id,
        replyCount: 2,
        author: expect.objectContaining({ handle: ann.user.handle }),
      }),
    ]);
    const replies = (await app.request('GET', `/v1/comments/${reply.id}/replies`, auth(cat))).body;
    expect(replies.items.map((c: { id: string }) => c.id)).toEqual([reply.id, deeper.id]);

    await eventually(async () => {
      const forOwner = await notificationsOf(owner);
      expect(forOwner.filter((n) => n.type === 'comment.new')).toEqual([
        expect.objectContaining({ subjectId: videoId, actorIds: expect.arrayContaining([ann.user.id, bob.user.id]) }),
      ]);
      expect((await notificationsOf(ann)).filter((n) => n.type === 'comment.reply')).toEqual([
        expect.objectContaining({ subjectId: reply.id, actorIds: [bob.user.id] }),
      ]);
      expect((await notificationsOf(bob)).filter((n) => n.type === 'comment.reply')).toEqual([
        expect.objectContaining({ subjectId: deeper.id, actorIds: [ann.user.id] }),
      ]);
      expect((await notificationsOf(cat)).filter((n) => n.type === 'mention')).toEqual([
        expect.objectContaining({ subjectId: root.id, actorIds: [ann.user.id] }),
      ]);
    });
    const posted = await sql<{ payload: { commentId: string; threadId: string | null } }>(
      app,
      `select payload from platform.outbox where type = 'engagement.comment-posted.v1' and payload->>'videoId' = ?`,
      [videoId],
    );
    expect(posted.map((row) => row.payload.commentId).sort()).toEqual([root.id, reply.id, deeper.id].sort());
  });

  it('pages newest, oldest and top first with cursors that keep their order', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const ids: string[] = [];
    for (const text of ['one', 'two', 'three', 'four']) ids.push((await comment(app, ann, videoId, text)).id);
    await comment(app, bob, videoId, 'reply', ids[1]);
    await comment(app, bob, videoId, 'reply', ids[1]);
    await comment(app, bob, videoId, 'reply', ids[2]);

    const walk = async (order: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(bob, videoId, `?order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await walk('newest')).toEqual([...ids].reverse());
    expect(await walk('oldest')).toEqual(ids);
    expect(await walk('top')).toEqual([ids[1], ids[2], ids[3], ids[0]]);
    const crossed = (await list(bob, videoId, `?order=top&limit=1`)).nextCursor;
    const misuse = await app.request('GET', `/v1/videos/${videoId}/comments?order=newest&cursor=${crossed}`, auth(bob));
    expect(misuse.status).toBe(400);
  });

  it('edits within the window with a history, deletes as a tombstone, and keeps the room and the counts in step', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const watcher = await watch(cat, videoId);
    const root = await comment(app, ann, videoId, 'Tasty #food');
    const reply = await comment(app, bob, videoId, 'Indeed', root.id);

    const updated = nextEvent(watcher, 'comment:updated');
    const edit = await app.request('PATCH', `/v1/comments/${root.id}`, {
      ...auth(ann),
      body: { text: 'Very tasty #snacks' },
    });
    expect(edit.body).toMatchObject({ text: 'Very tasty #snacks', hashtags: ['snacks'], editedAt: expect.any(String) });
    expect(await updated).toMatchObject({ id: root.id, text: 'Very tasty #snacks' });
    expect(
      (await app.request('PATCH', `/v1/comments/${root.id}`, { ...auth(bob), body: { text: 'mine now' } })).body,
    ).toMatchObject({
      code: 'engagement.comment.not-author',
    });
    const history = (await app.request('GET', `/v1/comments/${root.id}/history`, auth(cat))).body;
    expect(history).toMatchObject({ text: 'Very tasty #snacks', edits: [{ previousText: 'Tasty #food' }] });

    const deleted = nextEvent(watcher, 'comment:deleted');
    const removal = await app.request('DELETE', `/v1/comments/${root.id}`, auth(ann));
    expect(removal.body).toMatchObject({ id: root.id, text: null, deletedAt: expect.any(String) });
    expect(await deleted).toMatchObject({ id: root.id, text: null });
    const page = await list(cat, videoId);
    expect(page.total).toBe(1); // the reply
    expect(page.items).toEqual([expect.objectContaining({ id: root.id, text: null, replyCount: 1 })]);
    const tag = (await app.request('GET', `/v1/hashtags/SNACKS/comments`, auth(cat))).body;
    expect(tag).toEqual({ tag: 'snacks', items: [] });
    expect((await app.request('DELETE', `/v1/comments/${reply.id}`, auth(bob))).status).toBe(200);
    expect(await list(cat, videoId)).toMatchObject({ total: 0, items: [] });
  });

  it('gives the channel team pinning, approval, deletion of any comment and the comments switch', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const settings = await app.request('PUT', `/v1/videos/${videoId}/comment-settings`, {
      ...auth(editor),
      body: { approveFirstTimeCommenters: true },
    });
    expect(settings.body).toMatchObject({ commentsEnabled: true, approveFirstTimeCommenters: true, channelId });

    const first = await comment(app, cat, videoId, 'My first comment here');
    expect(first).toMatchObject({ status: 'held', heldFor: 'approval' });
    expect((await list(ann, videoId)).items).toEqual([]);
    expect((await list(owner, videoId)).items).toEqual([expect.objectContaining({ id: first.id, status: 'held' })]);
    const approved = await app.request('POST', `/v1/comments/${first.id}/approve`, auth(editor));
    expect(approved.body).toMatchObject({ status: 'visible', heldFor: null });
    expect((await comment(app, cat, videoId, 'Second one')).status).toBe('visible'); // no longer a first-timer

    const pin = await app.request('PUT', `/v1/videos/${videoId}/pinned-comment`, {
      ...auth(owner),
      body: { commentId: first.id },
    });
    expect(pin.body).toEqual({ videoId, pinnedCommentId: first.id });
    expect((await list(ann, videoId)).pinned).toMatchObject({ id: first.id, pinned: true });

    const byTeam = await app.request('DELETE', `/v1/comments/${first.id}`, auth(editor));
    expect(byTeam.body).toMatchObject({ text: null });
    expect((await list(ann, videoId)).pinned).toBeUndefined();

    // First-timer approval is channel-wide: the other tests' commenters are first-timers too.
    await app.request('PUT', `/v1/videos/${videoId}/comment-settings`, {
      ...auth(owner),
      body: { commentsEnabled: false, approveFirstTimeCommenters: false },
    });
    const closed = await app.request('POST', `/v1/videos/${videoId}/comments`, {
      ...auth(ann),
      body: { text: 'hello?' },
    });
    expect(closed.status).toBe(403);
    expect(closed.headers.get('content-type')).toContain('application/problem+json');
    expect(closed.body.code).toBe('engagement.comment.closed');
  });

  it('hides a blocked person’s comments from the blocker, in lists and in pushes', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const [blocker, blocked] = [await person(app), await person(app)];
    await app.request('POST', `/v1/users/${blocked.user.id}/block`, auth(blocker));
    const blockerSocket = await watch(blocker, videoId);
    const bystander = await watch(cat, videoId);
    const toBlocker = collect(blockerSocket, 'comment:created');
    const toBystander = collect(bystander, 'comment:created');

    const theirs = await comment(app, blocked, videoId, 'You cannot see me');
    const mine = await comment(app, ann, videoId, 'Everyone sees me');
    await eventually(async () => expect(toBystander.map((c: { id: string }) => c.id)).toEqual([theirs.id, mine.id]));
    await eventually(async () => expect(toBlocker.map((c: { id: string }) => c.id)).toEqual([mine.id]));
    expect((await list(blocker, videoId)).items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await list(cat, videoId)).items).toHaveLength(2);
  });

  it('holds what screening holds: only its author and the channel team see it, nothing is pushed or counted, review is queued', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const watcher = await watch(cat, videoId);
    const created = collect(watcher, 'comment:created');
    const held = await comment(app, ann, videoId, 'This is fucking brilliant');
    expect(held).toMatchObject({ status: 'held', heldFor: 'screening' });
    const visible = await comment(app, bob, videoId, 'Lovely');

    await eventually(async () => expect(created.map((c: { id: string }) => c.id)).toEqual([visible.id]));
    expect((await list(cat, videoId)).items.map((c: { id: string }) => c.id)).toEqual([visible.id]);
    expect((await list(ann, videoId)).items.map((c: { id: string }) => c.id)).toEqual([visible.id, held.id]);
    expect((await list(editor, videoId)).items.map((c: { id: string }) => c.id)).toEqual([visible.id, held.id]);
    expect((await list(cat, videoId)).total).toBe(1);
    expect(
      (await app.request('POST', `/v1/comments/${held.id}/replies`, { ...auth(cat), body: { text: 'hm' } })).status,
    ).toBe(404);
    const review = await sql<{ action: string; status: string }>(
      app,
      `select action, status from trust_safety.screenings where content_type = 'comment' and content_id = ?`,
      [held.id],
    );
    expect(review).toEqual([{ action: 'hold', status: 'pending' }]);
  });

  it('keeps reply and comment counts exact under concurrent replies', async () => {
    const videoId = await publishedVideo(app, owner, channelId);
    const root = await comment(app, ann, videoId, 'Race me');
    const repliers = [bob, cat, ann, editor, owner];
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        app.request('POST', `/v1/comments/${root.id}/replies`, {
          ...auth(repliers[i % 5]),
          body: { text: `reply ${i}` },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(15).fill(201));
    const page = await list(ann, videoId);
    expect(page.total).toBe(16);
    expect(page.items[0].replyCount).toBe(15);
  });
});
