import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { UserRegisteredV1 } from '@lib/identity/contracts';
import { eventually, type TestApp } from '@lib/platform/testing';
import { RememberPerson } from '../../../libs/studio/src/application/reactions/remember-person.js';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { auth, createChannel, outboxPayloads, studioPerson } from './studio-helpers.js';

const RATE_LIMIT = 6;
const freshAddress = () => `someone-${randomBytes(4).toString('hex')}@example.com`;

/**
 * Invitations by e-mail must not tell an owner whether an address has an account (issue 18 item 7):
 * the answer and the team view are the same either way, an invitation to an address without an
 * account waits for a registration, and invitations are rate limited.
 */
describe('studio channel invitations by e-mail', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({
      STUDIO_INVITATION_RATE_LIMIT: String(RATE_LIMIT),
      STUDIO_INVITATION_RATE_WINDOW_SECONDS: '600',
    });
  });
  afterAll(() => app.close());

  const invite = (owner: RegisteredUser, channelId: string, body: Record<string, unknown>) =>
    app.request('POST', `/v1/studio/channels/${channelId}/members`, { ...auth(owner), body });
  const myChannels = async (user: RegisteredUser) =>
    (await app.request('GET', '/v1/studio/channels', auth(user))).body.items;

  it('answers the same whether or not an account has the address, and shows both only as addresses', async () => {
    const [owner, existing] = [await studioPerson(app), await studioPerson(app)];
    const [withAccount, withoutAccount] = [
      await createChannel(app, owner, 'Channel A'),
      await createChannel(app, owner, 'Channel B'),
    ];
    const nobody = freshAddress();

    const toAccount = await invite(owner, withAccount, { email: existing.user.email, role: 'viewer' });
    const toNobody = await invite(owner, withoutAccount, { email: nobody, role: 'viewer' });
    expect([toAccount.status, toNobody.status]).toEqual([201, 201]);
    // The bodies differ only in what the owner chose: the channel and the address.
    const shape = (body: any, email: string) =>
      JSON.parse(
        JSON.stringify(body)
          .replaceAll(body.id, '<channel>')
          .replaceAll(body.name, '<name>')
          .replaceAll(email, '<email>')
          .replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, '"<time>"'),
      );
    expect(shape(toAccount.body, existing.user.email)).toEqual(shape(toNobody.body, nobody));
    expect(toAccount.body.members).toEqual([expect.objectContaining({ userId: owner.user.id, role: 'owner' })]);
    expect(toAccount.body.invitations).toEqual([
      { email: existing.user.email, role: 'viewer', invitedBy: owner.user.id, invitedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(toAccount.body)).not.toContain(existing.user.id);
    expect(JSON.stringify(toAccount.body)).not.toContain(existing.user.handle);
    // The team view later says no more.
    const later = await app.request('GET', `/v1/studio/channels/${withAccount}`, auth(owner));
    expect(later.body.invitations).toEqual(toAccount.body.invitations);
    expect(JSON.stringify(later.body)).not.toContain(existing.user.id);

    // The account holder is invited all the same, and joins under their own name once they accept.
    expect(await myChannels(existing)).toEqual([
      expect.objectContaining({ id: withAccount, status: 'invited', role: 'viewer' }),
    ]);
    const accepted = await app.request('POST', `/v1/studio/channels/${withAccount}/invitation/accept`, auth(existing));
    expect(accepted.status).toBe(200);
    expect(accepted.body.members).toContainEqual(
      expect.objectContaining({ userId: existing.user.id, handle: existing.user.handle, status: 'active' }),
    );
    expect(accepted.body.invitations).toEqual([]);
    expect(JSON.stringify(accepted.body.members)).not.toContain(existing.user.email);
  });

  it('turns an invitation waiting for an address into a normal one when someone registers with it', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const address = freshAddress();
    expect((await invite(owner, channelId, { email: address.toUpperCase(), role: 'editor' })).status).toBe(201);

    const newcomer = await registerUser(app, { email: address });
    const invitation = await eventually(async () => {
      const items = await myChannels(newcomer);
      expect(items).toEqual([expect.objectContaining({ id: channelId, status: 'invited', role: 'editor' })]);
      return items[0];
    });
    expect(invitation.ownerId).toBe(owner.user.id);
    const accepted = await app.request('POST', `/v1/studio/channels/${channelId}/invitation/accept`, auth(newcomer));
    expect(accepted.status).toBe(200);
    expect(accepted.body.members).toContainEqual(
      expect.objectContaining({ userId: newcomer.user.id, role: 'editor', status: 'active', invitedBy: owner.user.id }),
    );
    expect(accepted.body.invitations).toEqual([]);

    // identity.user-registered.v1 delivered again (at-least-once) changes nothing: no second invitation, no lost membership.
    const [payload] = await outboxPayloads(app, 'identity.user-registered.v1', 'userId', newcomer.user.id);
    const event = new UserRegisteredV1(payload as unknown as UserRegisteredV1);
    const consumer = app.app.get(RememberPerson);
    await app.app
      .get(MikroORM)
      .em.fork()
      .transactional(async (em) =>
        consumer.handle({
          event,
          em,
          afterCommit: () => undefined /* it registers no effects */,
          envelope: {
            id: 'redelivery',
            type: UserRegisteredV1.type,
            occurredAt: new Date().toISOString(),
            aggregateId: null,
            aggregateVersion: null,
            payload,
          },
        }),
      );
    const after = await app.request('GET', `/v1/studio/channels/${channelId}`, auth(owner));
    expect(after.body.members.filter((member: { userId: string }) => member.userId === newcomer.user.id)).toEqual([
      expect.objectContaining({ status: 'active', role: 'editor' }),
    ]);
    expect(after.body.invitations).toEqual([]);
  });

  it('never loses an invitation sent while the address is being registered', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const newcomers: RegisteredUser[] = [];
    for (const email of [freshAddress(), freshAddress(), freshAddress()]) {
      const [answer, newcomer] = await Promise.all([
        invite(owner, channelId, { email, role: 'viewer' }),
        registerUser(app, { email }),
      ]);
      expect(answer.status).toBe(201);
      newcomers.push(newcomer);
    }
    for (const newcomer of newcomers) {
      await eventually(async () =>
        expect(await myChannels(newcomer)).toEqual([expect.objectContaining({ id: channelId, status: 'invited' })]),
      );
    }
  });

  it('lets the owner withdraw an invitation sent to an address, with or without an account behind it', async () => {
    const [owner, existing] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    const address = freshAddress();
    await invite(owner, channelId, { email: existing.user.email, role: 'viewer' });
    await invite(owner, channelId, { email: address, role: 'viewer' });
    const withdraw = (email: string) =>
      app.request(
        'DELETE',
        `/v1/studio/channels/${channelId}/invitations?email=${encodeURIComponent(email)}`,
        auth(owner),
      );

    expect((await withdraw(existing.user.email)).status).toBe(200);
    const answer = await withdraw(address);
    expect(answer.status).toBe(200);
    expect(answer.body.invitations).toEqual([]);
    expect(await myChannels(existing)).toEqual([]);
    const again = await withdraw(address);
    expect([again.status, again.body.code]).toEqual([404, 'studio.invitation.not-found']);
    expect(
      (await app.request('DELETE', `/v1/studio/channels/${channelId}/invitations?email=not-an-address`, auth(owner)))
        .status,
    ).toBe(400);

    // Nothing waits for the address any more.
    const newcomer = await registerUser(app, { email: address });
    // Studio has seen the registration once the person is known (the claim happens in that same transaction).
    await eventually(async () =>
      expect(
        (
          await app.app
            .get(MikroORM)
            .em.fork()
            .execute(`select 1 from studio.people where user_id = ?`, [newcomer.user.id])
        ).length,
      ).toBe(1),
    );
    expect(await myChannels(newcomer)).toEqual([]);
  });

  it('rate-limits invitations per inviting user with 429 and Retry-After', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    for (let sent = 0; sent < RATE_LIMIT; sent++)
      expect((await invite(owner, channelId, { email: freshAddress(), role: 'viewer' })).status).toBe(201);
    const refused = await invite(owner, channelId, { email: freshAddress(), role: 'viewer' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 429,
      code: 'studio.invitation.rate-limited',
      limit: RATE_LIMIT,
      windowSeconds: 600,
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // By handle too: the limit is on invitations, however the invitee is named.
    const someone = await studioPerson(app);
    expect((await invite(owner, channelId, { handle: someone.user.handle, role: 'viewer' })).status).toBe(429);
    // Another owner is not affected.
    const other = await studioPerson(app);
    expect(
      (await invite(other, await createChannel(app, other), { email: freshAddress(), role: 'viewer' })).status,
    ).toBe(201);
  });
});
