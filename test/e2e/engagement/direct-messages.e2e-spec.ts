import type { Socket } from 'socket.io-client';
import { eventually, type TestApp } from '@lib/platform/testing';
import { ask, auth, collect, follow, newClientMessageId, person, sendTo } from '../../support/messaging.js';
import { connectSocket, nextEvent, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('direct messages: 1:1 and groups, over Socket.IO and REST', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startShowrunner({
      MESSAGE_MAX_LENGTH: '200',
      GROUP_MAX_MEMBERS: '4',
      MESSAGE_EDIT_WINDOW_SECONDS: '2',
      TYPING_TTL_MS: '600',
    });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  async function device(user: RegisteredUser): Promise<Socket> {
    const socket = await connectSocket(app, auth(user));
    sockets.push(socket);
    return socket;
  }
  const conversations = (user: RegisteredUser, query = '') =>
    app.request('GET', `/v1/conversations${query}`, auth(user));
  const history = (user: RegisteredUser, conversationId: string, query = '') =>
    app.request('GET', `/v1/conversations/${conversationId}/messages${query}`, auth(user));

  it('delivers a 1:1 message to every device of both people, once however often it is retried', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const [anaPhone, anaLaptop, benPhone] = [await device(ana), await device(ana), await device(ben)];
    const onLaptop = nextEvent(anaLaptop, 'message:new');
    const onBen = nextEvent(benPhone, 'message:new');

    const clientMessageId = newClientMessageId();
    const first = await ask(anaPhone, 'message:send', { recipientId: ben.user.id, text: 'Hi Ben!', clientMessageId });
    expect(first.message).toMatchObject({
      seq: 1,
      revision: 1,
      senderId: ana.user.id,
      text: 'Hi Ben!',
      clientMessageId,
      deletedAt: null,
    });
    expect(await onLaptop).toEqual(first.message);
    expect(await onBen).toEqual(first.message);

    // A retry (lost ack) answers with the stored message and stores nothing new.
    const retried = await ask(anaPhone, 'message:send', { recipientId: ben.user.id, text: 'Hi Ben!', clientMessageId });
    expect(retried.message).toEqual(first.message);
    const viaRest = await app.request('POST', `/v1/conversations/${first.message.conversationId}/messages`, {
      ...auth(ana),
      body: { text: 'Hi Ben!', clientMessageId },
    });
    expect(viaRest.body).toEqual(first.message);
    expect((await history(ben, first.message.conversationId)).body).toMatchObject({
      lastSeq: 1,
      items: [{ id: first.message.id }],
      hasMore: false,
    });

    // One conversation per pair, whoever writes: Ben's reply lands in the same one, with the next sequence.
    const reply = await ask(benPhone, 'message:send', {
      recipientId: ana.user.id,
      text: 'Hey',
      clientMessageId: newClientMessageId(),
      replyToId: first.message.id,
    });
    expect(reply.message).toMatchObject({
      conversationId: first.message.conversationId,
      seq: 2,
      replyToId: first.message.id,
    });

    // A refused send (no text) is answered with a problem by the filter, before any stage.
    const refused = await ask(anaPhone, 'message:send', {
      recipientId: ben.user.id,
      clientMessageId: newClientMessageId(),
    });
    expect(refused.error).toMatchObject({ code: 'validation.failed' });
    const metrics = (await app.request('GET', '/metrics')).body as string;
    const sample = (pattern: string) => Number(new RegExp(`^${pattern} (\\d+)$`, 'm').exec(metrics)?.[1]);
    // Each send times its stages on /metrics: the two stored reached the commit, the two retries stopped at the
    // insert (the duplicate rolls back) after taking the sequence like any send.
    const count = (stage: string) =>
      sample(`operation_stage_duration_seconds_count\\{operation="message-send",stage="${stage}"\\}`);
    expect(['rate-limit', 'begin', 'screen', 'sequence', 'checks', 'insert', 'commit'].map(count)).toEqual([
      4, 4, 4, 4, 4, 2, 2,
    ]);
    // The socket adapter times each acknowledged event from receipt: the three socket sends answered with a
    // message (the fourth came over REST) and the refused one.
    const socketEvents = (outcome: string) =>
      sample(`socket_event_duration_seconds_count\\{event="message:send",outcome="${outcome}"\\}`);
    expect([socketEvents('ok'), socketEvents('error')]).toEqual([3, 1]);
  });

  it('counts unread per conversation and in total, and pushes read receipts to the others and to the reader’s devices', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    await follow(app, ana, ben);
    const m1 = await sendTo(app, ana, ben, 'one');
    await sendTo(app, ana, ben, 'two');
    await sendTo(app, ana, ben, 'three');

    const inbox = await conversations(ben);
    expect(inbox.body).toMatchObject({
      unread: 3,
      requests: 0,
      items: [{ id: m1.conversationId, unread: 3, lastMessage: { seq: 3, text: 'three' }, kind: 'direct' }],
    });
    expect(inbox.body.items[0].members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [ana.user.id, ben.user.id].sort(),
    );
    expect((await conversations(ana)).body).toMatchObject({ unread: 0, items: [{ unread: 0 }] });

    const [anaPhone, benPhone, benLaptop] = [await device(ana), await device(ben), await device(ben)];
    const receiptForAna = nextEvent(anaPhone, 'conversation:read');
    const receiptForLaptop = nextEvent(benLaptop, 'conversation:read');
    const answer = await ask(benPhone, 'conversation:read', { conversationId: m1.conversationId, upToSeq: 2 });
    expect(answer.receipt).toEqual({ conversationId: m1.conversationId, userId: ben.user.id, upToSeq: 2, unread: 1 });
    expect(await receiptForAna).toMatchObject({ userId: ben.user.id, upToSeq: 2 });
    expect(await receiptForLaptop).toMatchObject({ unread: 1 });

    // Never backwards, never past the end.
    expect(
      (await ask(benPhone, 'conversation:read', { conversationId: m1.conversationId, upToSeq: 1 })).receipt.upToSeq,
    ).toBe(2);
    expect(
      (await ask(benPhone, 'conversation:read', { conversationId: m1.conversationId, upToSeq: 99 })).receipt,
    ).toMatchObject({ upToSeq: 3, unread: 0 });
    expect((await conversations(ben)).body.unread).toBe(0);
  });

  it('relays typing to the other members, throttled, and ends it by itself', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const { conversationId } = await sendTo(app, ana, ben, 'hello');
    const [anaPhone, benPhone] = [await device(ana), await device(ben)];
    const typing = collect(benPhone, 'typing');
    const ownTyping = collect(anaPhone, 'typing');

    expect(await ask(anaPhone, 'typing', { conversationId, state: 'start' })).toEqual({ relayed: true });
    expect(await ask(anaPhone, 'typing', { conversationId, state: 'start' })).toEqual({ relayed: false });
    await eventually(() => expect(typing).toEqual([{ conversationId, userId: ana.user.id, typing: true, ttlMs: 600 }]));
    // No "stop" from the client: the server ends it after the TTL.
    await eventually(() => expect(typing.at(-1)).toEqual({ conversationId, userId: ana.user.id, typing: false }), {
      timeoutMs: 3_000,
    });
    expect(ownTyping).toEqual([]);
    expect((await history(ben, conversationId)).body.items).toHaveLength(1);
  });

  it('puts messages from people the recipient does not follow in requests until accepted, as the recipient’s policy says', async () => {
    const [ben, cleo, dan] = [await person(app), await person(app), await person(app)];
    const { conversationId } = await sendTo(app, cleo, ben, 'hi, we have not met');

    expect((await conversations(ben)).body).toMatchObject({ items: [], requests: 1, unread: 0 });
    const requests = await conversations(ben, '?folder=requests');
    expect(requests.body.items).toMatchObject([
      { id: conversationId, me: { status: 'request' }, lastMessage: { text: 'hi, we have not met' } },
    ]);
    await eventually(async () => {
      const notes = (await app.request('GET', '/v1/notifications', auth(ben))).body.items;
      expect(notes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'message.request', subjectId: conversationId, actorIds: [cleo.user.id] }),
        ]),
      );
    });

    // Reading a request is not announced to the sender.
    const cleoPhone = await device(cleo);
    const receipts = collect(cleoPhone, 'conversation:read');
    expect(
      (await app.request('POST', `/v1/conversations/${conversationId}/read`, { ...auth(ben), body: { upToSeq: 1 } }))
        .status,
    ).toBe(200);

    expect((await app.request('POST', `/v1/conversations/${conversationId}/accept`, auth(ben))).body).toEqual({
      conversationId,
      status: 'active',
    });
    expect((await conversations(ben)).body.items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    expect(receipts).toEqual([]);

    // Only people Dan follows may write to him.
    expect(
      (await app.request('PUT', '/v1/me/messaging-settings', { ...auth(dan), body: { directMessages: 'followed' } }))
        .body,
    ).toEqual({ directMessages: 'followed' });
    const refused = await app.request('POST', `/v1/users/${dan.user.id}/messages`, {
      ...auth(cleo),
      body: { text: 'hello?', clientMessageId: newClientMessageId() },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('engagement.message.not-allowed');
    // Open to everyone: straight to the inbox.
    await app.request('PUT', '/v1/me/messaging-settings', { ...auth(dan), body: { directMessages: 'everyone' } });
    const opened = await sendTo(app, cleo, dan, 'hello!');
    expect((await conversations(dan)).body.items.map((c: { id: string }) => c.id)).toEqual([opened.conversationId]);
    expect(
      (await app.request('PUT', '/v1/me/messaging-settings', { ...auth(dan), body: { directMessages: 'nobody' } }))
        .status,
    ).toBe(400);
  });

  it('lets nobody message across a block, either way, on the socket or REST', async () => {
    const [ben, cleo] = [await person(app), await person(app)];
    await follow(app, ben, cleo);
    const { conversationId } = await sendTo(app, cleo, ben, 'before the block');
    await app.request('POST', `/v1/users/${cleo.user.id}/block`, auth(ben));

    const cleoPhone = await device(cleo);
    const socketAnswer = await ask(cleoPhone, 'message:send', {
      conversationId,
      text: 'are you there?',
      clientMessageId: newClientMessageId(),
    });
    expect(socketAnswer.error).toMatchObject({ status: 403, code: 'engagement.restriction.blocked' });
    const restAnswer = await app.request('POST', `/v1/users/${ben.user.id}/messages`, {
      ...auth(cleo),
      body: { text: 'hello', clientMessageId: newClientMessageId() },
    });
    expect(restAnswer.body).toMatchObject({ status: 403, code: 'engagement.restriction.blocked' });
    const fromBlocker = await app.request('POST', `/v1/conversations/${conversationId}/messages`, {
      ...auth(ben),
      body: { text: 'x', clientMessageId: newClientMessageId() },
    });
    expect(fromBlocker.status).toBe(403);
    expect((await history(ben, conversationId)).body.lastSeq).toBe(1);
  });

  it('runs groups: title, admins who add and remove, a size limit, leaving, and removed members who can no longer write or read', async () => {
    const [ana, ben, cleo, dan, eve] = [
      await person(app),
      await person(app),
      await person(app),
      await person(app),
      await person(app),
    ];
    for (const member of [ben, cleo, dan, eve]) await follow(app, member, ana);
    const created = await app.request('POST', '/v1/conversations', {
      ...auth(ana),
      body: { kind: 'group', title: 'Crew', memberIds: [ben.user.id, cleo.user.id] },
    });
    expect(created.status).toBe(201);
    const group = created.body;
    expect(group).toMatchObject({ kind: 'group', title: 'Crew', me: { role: 'admin', status: 'active' } });
    expect(group.members).toHaveLength(3);

    const [benPhone, cleoPhone] = [await device(ben), await device(cleo)];
    const toCleo = nextEvent(cleoPhone, 'message:new');
    const sent = await ask(benPhone, 'message:send', {
      conversationId: group.id,
      text: `hi all, @${cleo.user.handle} look`,
      clientMessageId: newClientMessageId(),
    });
    expect((await toCleo).id).toBe(sent.message.id);
    // Named with @handle: a mention for Cleo; Ana just has unread messages.
    await eventually(async () => {
      const cleoNotes = (await app.request('GET', '/v1/notifications', auth(cleo))).body.items;
      expect(cleoNotes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'mention', subjectId: group.id, actorIds: [ben.user.id] }),
        ]),
      );
      const anaNotes = (await app.request('GET', '/v1/notifications', auth(ana))).body.items;
      expect(anaNotes).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'message.new', subjectId: group.id })]),
      );
    });

    // Only admins manage members.
    const notAdmin = await app.request('POST', `/v1/conversations/${group.id}/members`, {
      ...auth(ben),
      body: { userIds: [dan.user.id] },
    });
    expect(notAdmin.body).toMatchObject({ status: 403, code: 'engagement.conversation.not-admin' });
    expect(
      (
        await app.request('POST', `/v1/conversations/${group.id}/members`, {
          ...auth(ana),
          body: { userIds: [dan.user.id] },
        })
      ).status,
    ).toBe(200);
    const full = await app.request('POST', `/v1/conversations/${group.id}/members`, {
      ...auth(ana),
      body: { userIds: [eve.user.id] },
    });
    expect(full.body).toMatchObject({ status: 422, code: 'engagement.conversation.full', maxMembers: 4 });

    // A removed member is told, and can neither write nor read any more.
    const removedNote = nextEvent(cleoPhone, 'conversation:updated');
    const removal = await app.request('DELETE', `/v1/conversations/${group.id}/members/${cleo.user.id}`, auth(ana));
    expect(removal.body.members.map((m: { userId: string }) => m.userId)).not.toContain(cleo.user.id);
    expect((await removedNote).conversationId).toBe(group.id);
    const stillSending = await ask(cleoPhone, 'message:send', {
      conversationId: group.id,
      text: 'wait',
      clientMessageId: newClientMessageId(),
    });
    expect(stillSending.error).toMatchObject({ status: 403, code: 'engagement.message.not-allowed' });
    expect((await history(cleo, group.id)).status).toBe(404);

    // The last admin leaving hands the group to the longest-standing member.
    const left = await app.request('POST', `/v1/conversations/${group.id}/leave`, auth(ana));
    expect(left.body.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: ben.user.id, role: 'admin' })]),
    );
    expect(
      (await app.request('PATCH', `/v1/conversations/${group.id}`, { ...auth(ben), body: { title: 'New crew' } })).body
        .title,
    ).toBe('New crew');
    expect(
      (await app.request('PATCH', `/v1/conversations/${group.id}`, { ...auth(dan), body: { title: 'Mine' } })).status,
    ).toBe(403);
  });

  it('edits within the window keeping the history, deletes leaving a tombstone, and pushes both', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const benPhone = await device(ben);
    const sent = await sendTo(app, ana, ben, 'helo');
    const late = await sendTo(app, ana, ben, 'too late to change');

    const updated = nextEvent(benPhone, 'message:updated');
    const edit = await app.request('PATCH', `/v1/conversations/${sent.conversationId}/messages/${sent.id}`, {
      ...auth(ana),
      body: { text: 'hello' },
    });
    expect(edit.body).toMatchObject({ id: sent.id, seq: 1, revision: 3, text: 'hello' });
    expect(edit.body.editedAt).toEqual(expect.any(String));
    expect(await updated).toEqual(edit.body);
    const edits = await app.request(
      'GET',
      `/v1/conversations/${sent.conversationId}/messages/${sent.id}/edits`,
      auth(ben),
    );
    expect(edits.body.items).toEqual([{ text: 'helo', replacedAt: edit.body.editedAt }]);

    const notAuthor = await app.request('PATCH', `/v1/conversations/${sent.conversationId}/messages/${sent.id}`, {
      ...auth(ben),
      body: { text: 'hijack' },
    });
    expect(notAuthor.body).toMatchObject({ status: 403, code: 'engagement.message.not-author' });

    const deleted = nextEvent(benPhone, 'message:deleted');
    const removal = await app.request(
      'DELETE',
      `/v1/conversations/${sent.conversationId}/messages/${sent.id}`,
      auth(ana),
    );
    expect(removal.body).toMatchObject({ id: sent.id, seq: 1, revision: 4, text: null });
    expect((await deleted).deletedAt).toEqual(removal.body.deletedAt);
    expect(
      (await app.request('GET', `/v1/conversations/${sent.conversationId}/messages/${sent.id}/edits`, auth(ben))).body
        .items,
    ).toEqual([]);
    const again = await app.request('PATCH', `/v1/conversations/${sent.conversationId}/messages/${sent.id}`, {
      ...auth(ana),
      body: { text: 'back' },
    });
    expect(again.body).toMatchObject({ status: 409, code: 'engagement.message.deleted' });

    // History keeps the tombstone in place; catch-up sees the edits and the deletion as changes.
    const all = await history(ben, sent.conversationId);
    expect(all.body.items.map((m: { seq: number; text: string | null }) => [m.seq, m.text])).toEqual([
      [1, null],
      [2, 'too late to change'],
    ]);
    expect(
      (await history(ben, sent.conversationId, '?after=2')).body.items.map((m: { id: string; revision: number }) => [
        m.id,
        m.revision,
      ]),
    ).toEqual([[sent.id, 4]]);

    // The window (2 s here) is counted from the message's createdAt on this machine's clock: wait exactly past it.
    const windowCloses = new Date((late as typeof late & { createdAt: string }).createdAt).getTime() + 2_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, windowCloses + 1 - Date.now())));
    const closed = await app.request('PATCH', `/v1/conversations/${late.conversationId}/messages/${late.id}`, {
      ...auth(ana),
      body: { text: 'changed' },
    });
    expect(closed.body).toMatchObject({ status: 422, code: 'engagement.message.window-closed', windowSeconds: 2 });
  });

  it('pages history backwards by sequence', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    let conversationId = '';
    for (let i = 1; i <= 7; i += 1) conversationId = (await sendTo(app, ana, ben, `m${i}`)).conversationId;
    const latest = await history(ben, conversationId, '?limit=3');
    expect(latest.body).toMatchObject({ lastSeq: 7, hasMore: true });
    expect(latest.body.items.map((m: { seq: number }) => m.seq)).toEqual([5, 6, 7]);
    const older = await history(ben, conversationId, '?limit=3&before=5');
    expect(older.body.items.map((m: { seq: number }) => m.seq)).toEqual([2, 3, 4]);
    const oldest = await history(ben, conversationId, '?limit=3&before=2');
    expect(oldest.body).toMatchObject({ hasMore: false, items: [{ seq: 1 }] });
  });
});
