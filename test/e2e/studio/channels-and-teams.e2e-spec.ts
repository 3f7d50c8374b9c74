import { BillingApi } from '@lib/billing/contracts';
import { eventually, type TestApp } from '@lib/platform/testing';
import { aJpeg, aPng, GPS_LATITUDE, withJpegGps, withPngGps } from '@lib/studio/testing';
import { connectSocket, nextEvent, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { onPlan, planBecomes, withStudioAccess } from '../../support/billing.js';
import {
  addMember,
  auth,
  createChannel,
  onTestServer,
  outboxPayloads,
  putBrandingImage,
  studioPeople,
  studioPerson,
} from './studio-helpers.js';
import { inContext } from './media/media-harness.js';

describe('studio channels and teams', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

  it('makes whoever opens a channel its owner and announces studio.channel-created.v1 once', async () => {
    const creator = await withStudioAccess(app, await studioPerson(app));
    const answer = await app.request('POST', '/v1/studio/channels', {
      ...auth(creator),
      body: { name: 'Night Kitchen', description: 'Late cooking' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'Night Kitchen', description: 'Late cooking', ownerId: creator.user.id });
    expect(answer.body.members).toEqual([
      expect.objectContaining({
        userId: creator.user.id,
        role: 'owner',
        status: 'active',
        handle: creator.user.handle,
      }),
    ]);
    const events = await outboxPayloads(app, 'studio.channel-created.v1', 'channelId', answer.body.id);
    expect(events).toEqual([expect.objectContaining({ ownerId: creator.user.id, name: 'Night Kitchen' })]);
    const mine = await app.request('GET', '/v1/studio/channels', auth(creator));
    expect(mine.body.items).toEqual([expect.objectContaining({ id: answer.body.id, role: 'owner', status: 'active' })]);
  });

  it('invites by handle or e-mail, tells the invitee over the socket, and lets them accept or decline', async () => {
    const [owner, editor, viewer] = [await studioPerson(app), await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    const socket = await connectSocket(app, { token: editor.tokens.accessToken });
    try {
      const told = nextEvent(socket, 'studio:invitation');
      const invite = await app.request('POST', `/v1/studio/channels/${channelId}/members`, {
        ...auth(owner),
        body: { handle: `@${editor.user.handle.toUpperCase()}`, role: 'editor' },
      });
      expect(invite.status).toBe(201);
      expect(invite.body.members).toContainEqual(
        expect.objectContaining({
          userId: editor.user.id,
          role: 'editor',
          status: 'invited',
          invitedBy: owner.user.id,
        }),
      );
      expect(await told).toMatchObject({ channelId, role: 'editor', invitedBy: owner.user.id });
    } finally {
      socket.close();
    }
    // An invitee is not a member yet: the channel itself stays hidden.
    expect((await app.request('GET', `/v1/studio/channels/${channelId}`, auth(editor))).status).toBe(404);
    expect((await app.request('GET', '/v1/studio/channels', auth(editor))).body.items).toEqual([
      expect.objectContaining({ id: channelId, status: 'invited' }),
    ]);
    const accepted = await app.request('POST', `/v1/studio/channels/${channelId}/invitation/accept`, auth(editor));
    expect(accepted.status).toBe(200);
    expect(accepted.body.members).toContainEqual(expect.objectContaining({ userId: editor.user.id, status: 'active' }));

    const byEmail = await app.request('POST', `/v1/studio/channels/${channelId}/members`, {
      ...auth(owner),
      body: { email: viewer.user.email.toUpperCase(), role: 'viewer' },
    });
    expect(byEmail.status).toBe(201);
    const declined = await app.request('POST', `/v1/studio/channels/${channelId}/invitation/decline`, auth(viewer));
    expect(declined.body).toEqual({ declined: true });
    const channel = await app.request('GET', `/v1/studio/channels/${channelId}`, auth(editor));
    expect(channel.body.members.map((member: { userId: string }) => member.userId)).toEqual([
      owner.user.id,
      editor.user.id,
    ]);
  });

  it('refuses team changes from an editor or viewer (403) and hides the channel from outsiders (404)', async () => {
    const [owner, editor, viewer, outsider] = [
      await studioPerson(app),
      await studioPerson(app),
      await studioPerson(app),
      await studioPerson(app),
    ];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, editor, 'editor');
    await addMember(app, channelId, owner, viewer, 'viewer');

    const byEditor = await app.request('POST', `/v1/studio/channels/${channelId}/members`, {
      ...auth(editor),
      body: { handle: outsider.user.handle, role: 'viewer' },
    });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body).toMatchObject({ code: 'studio.channel.role-required', required: 'owner', current: 'editor' });
    const byViewer = await app.request(
      'DELETE',
      `/v1/studio/channels/${channelId}/members/${editor.user.id}`,
      auth(viewer),
    );
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.code).toBe('studio.channel.role-required');
    const rename = await app.request('PATCH', `/v1/studio/channels/${channelId}`, {
      ...auth(viewer),
      body: { name: 'Mine now' },
    });
    expect(rename.status).toBe(403);

    for (const [method, path, body] of [
      ['GET', `/v1/studio/channels/${channelId}`, undefined],
      ['PATCH', `/v1/studio/channels/${channelId}`, { name: 'Mine' }],
      ['POST', `/v1/studio/channels/${channelId}/members`, { handle: outsider.user.handle, role: 'editor' }],
      ['DELETE', `/v1/studio/channels/${channelId}/members/${owner.user.id}`, undefined],
      ['POST', `/v1/studio/channels/${channelId}/ownership`, { userId: outsider.user.id }],
    ] as const) {
      const answer = await app.request(method, path, { ...auth(outsider), body });
      expect([method, path, answer.status, answer.body.code]).toEqual([method, path, 404, 'studio.channel.not-found']);
    }
    expect(
      (await app.request('GET', '/v1/studio/channels/0193f000-0000-7000-8000-000000000000', auth(owner))).body.code,
    ).toBe('studio.channel.not-found');
    expect((await app.request('GET', '/v1/studio/channels/not-a-uuid', auth(owner))).status).toBe(400);
    expect((await app.request('GET', '/v1/studio/channels')).status).toBe(401);
  });

  it('lets the owner change roles and remove members, and anyone but the owner leave', async () => {
    const [owner, editor, viewer] = [await studioPerson(app), await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, editor, 'editor');
    await addMember(app, channelId, owner, viewer, 'viewer');
    const promoted = await app.request('PATCH', `/v1/studio/channels/${channelId}/members/${viewer.user.id}`, {
      ...auth(owner),
      body: { role: 'editor' },
    });
    expect(promoted.body.members).toContainEqual(expect.objectContaining({ userId: viewer.user.id, role: 'editor' }));
    expect(
      (await app.request('DELETE', `/v1/studio/channels/${channelId}/members/${viewer.user.id}`, auth(owner))).body,
    ).toEqual({ removed: true });
    expect((await app.request('GET', `/v1/studio/channels/${channelId}`, auth(viewer))).status).toBe(404);
    expect(
      (await app.request('DELETE', `/v1/studio/channels/${channelId}/members/${editor.user.id}`, auth(editor))).status,
    ).toBe(200);
    const ownerLeaves = await app.request(
      'DELETE',
      `/v1/studio/channels/${channelId}/members/${owner.user.id}`,
      auth(owner),
    );
    expect(ownerLeaves.status).toBe(422);
    expect(ownerLeaves.body.code).toBe('studio.member.owner-cannot-leave');
    const unknown = await app.request(
      'DELETE',
      `/v1/studio/channels/${channelId}/members/${viewer.user.id}`,
      auth(owner),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('studio.member.not-found');
  });

  it('transfers ownership to an active member, who then runs the team', async () => {
    const [owner, editor, invitee] = [await studioPerson(app), await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, editor, 'editor');
    await app.request('POST', `/v1/studio/channels/${channelId}/members`, {
      ...auth(owner),
      body: { handle: invitee.user.handle, role: 'viewer' },
    });
    const toInvitee = await app.request('POST', `/v1/studio/channels/${channelId}/ownership`, {
      ...auth(owner),
      body: { userId: invitee.user.id },
    });
    expect(toInvitee.status).toBe(404);
    expect(toInvitee.body.code).toBe('studio.member.not-found');

    const transferred = await app.request('POST', `/v1/studio/channels/${channelId}/ownership`, {
      ...auth(owner),
      body: { userId: editor.user.id },
    });
    expect(transferred.status).toBe(200);
    expect(transferred.body.ownerId).toBe(editor.user.id);
    expect(transferred.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: owner.user.id, role: 'editor' }),
        expect.objectContaining({ userId: editor.user.id, role: 'owner' }),
      ]),
    );
    expect(
      (
        await app.request('POST', `/v1/studio/channels/${channelId}/ownership`, {
          ...auth(owner),
          body: { userId: owner.user.id },
        })
      ).status,
    ).toBe(403);
    expect(
      (await app.request('DELETE', `/v1/studio/channels/${channelId}/members/${owner.user.id}`, auth(editor))).status,
    ).toBe(200);
  });

  it('refuses bad invitations: unknown people, members, oneself, owner role, neither handle nor e-mail', async () => {
    const [owner, editor] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, editor, 'editor');
    const invite = (body: unknown) =>
      app.request('POST', `/v1/studio/channels/${channelId}/members`, { ...auth(owner), body });

    const unknown = await invite({ handle: 'nobody_here_at_all', role: 'viewer' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'studio.person.not-found']);
    const wildcard = await invite({ handle: 'user_%', role: 'viewer' });
    expect(wildcard.status).toBe(400);
    const already = await invite({ handle: editor.user.handle, role: 'viewer' });
    expect([already.status, already.body.code]).toEqual([409, 'studio.member.already-member']);
    const self = await invite({ handle: owner.user.handle, role: 'editor' });
    expect([self.status, self.body.code]).toEqual([422, 'studio.member.self']);
    const asOwner = await invite({ handle: editor.user.handle, role: 'owner' });
    expect([asOwner.status, asOwner.body.code]).toEqual([400, 'validation.failed']);
    const neither = await invite({ role: 'viewer' });
    expect([neither.status, neither.body.code]).toEqual([400, 'validation.failed']);
    const badEmail = await invite({ email: 'not-an-email', role: 'viewer' });
    expect(badEmail.status).toBe(400);
    const noInvitation = await app.request('POST', `/v1/studio/channels/${channelId}/invitation/accept`, auth(editor));
    expect([noInvitation.status, noInvitation.body.code]).toEqual([404, 'studio.invitation.not-found']);
    const emptyName = await app.request('POST', '/v1/studio/channels', { ...auth(owner), body: { name: '' } });
    expect(emptyName.status).toBe(400);
  });

  describe('branding (custom_branding, docs/adr/0062)', () => {
    const fetchSigned = (url: string) => fetch(onTestServer(app, url));
    const storageUsed = async (user: RegisteredUser): Promise<number> => {
      const overview = await app.request('GET', '/v1/billing/subscription', auth(user));
      return overview.body.usage.find((usage: { entitlement: string }) => usage.entitlement === 'storage_bytes').used;
    };
    const creatorPageBranding = async (creatorId: string) =>
      eventually(async () => {
        const page = await app.request('GET', `/v1/creators/${creatorId}`);
        expect(page.status).toBe(200);
        return page.body.channels[0].branding;
      });

    it('shows a Studio Pro channel’s colour, tagline, banner and logo on the creator page; hidden on a downgrade, back on upgrade', async () => {
      const [owner, editor] = await studioPeople(app, 2);
      await onPlan(app, owner, 'studio-pro');
      const channelId = await createChannel(app, owner);
      await addMember(app, channelId, owner, editor, 'editor');
      const branding = `/v1/studio/channels/${channelId}/branding`;

      const set = await app.request('PUT', branding, {
        ...auth(editor),
        body: { accentColor: '#E4A', tagline: '  Late cooking  ' },
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        accentColor: '#ee44aa',
        tagline: 'Late cooking',
        logo: null,
        shownPublicly: true,
      });
      const firstLogo = await putBrandingImage(app, editor, channelId, 'logo', aPng(256, 256));
      expect(firstLogo.status).toBe(200);
      const logo = aPng(300, 300);
      const replaced = await putBrandingImage(app, owner, channelId, 'logo', logo);
      expect(replaced.body.logo).toMatchObject({ type: 'png', width: 300, height: 300, bytes: logo.length });
      const banner = await putBrandingImage(app, owner, channelId, 'banner', aPng(2048, 512));
      expect(banner.body).toMatchObject({ accentColor: '#ee44aa', banner: { width: 2048, height: 512 } });
      // The replaced file is gone; the current one is served at its signed URL.
      expect((await fetchSigned(firstLogo.body.logo.url)).status).toBe(404);
      const served = await fetchSigned(replaced.body.logo.url);
      expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/png']);
      expect(Buffer.from(await served.arrayBuffer()).equals(logo)).toBe(true);

      const shown = await creatorPageBranding(owner.user.id);
      expect(shown).toMatchObject({ accentColor: '#ee44aa', tagline: 'Late cooking' });
      expect((await fetchSigned(shown.bannerUrl)).status).toBe(200);
      expect((await fetchSigned(shown.logoUrl)).status).toBe(200);

      // Down to Free: kept, not shown; still readable by the team, and taking things down needs no plan.
      const cancel = await app.request('POST', '/v1/billing/subscription/cancel', {
        ...auth(owner),
        body: { atPeriodEnd: false, reason: 'unused' },
      });
      expect(cancel.status).toBe(200);
      await planBecomes(app, owner, 'free', 30_000);
      expect(await creatorPageBranding(owner.user.id)).toBeNull();
      const kept = await app.request('GET', branding, auth(editor));
      expect(kept.body).toMatchObject({ accentColor: '#ee44aa', shownPublicly: false, logo: { width: 300 } });
      const refused = await app.request('PUT', branding, { ...auth(owner), body: { accentColor: '#000' } });
      expect(refused.status).toBe(402);
      const bannerGone = await app.request('DELETE', `${branding}/banner`, auth(editor));
      expect([bannerGone.status, bannerGone.body.banner]).toEqual([200, null]);

      await onPlan(app, owner, 'studio-pro');
      expect(await creatorPageBranding(owner.user.id)).toMatchObject({
        accentColor: '#ee44aa',
        bannerUrl: null,
        logoUrl: expect.stringContaining(`/v1/media/${channelId}/branding/logo-`),
      });
      const cleared = await app.request('DELETE', branding, auth(owner));
      expect(cleared.body).toMatchObject({ accentColor: null, tagline: null, logo: null, shownPublicly: false });
      expect((await fetchSigned(replaced.body.logo.url)).status).toBe(404);
    }, 120_000);

    it('refuses bad colours, taglines, unknown fields, wrong or oversized images, viewers, strangers and plans without custom_branding', async () => {
      const [owner, viewer, stranger, plusOwner] = await studioPeople(app, 4);
      await onPlan(app, owner, 'studio-pro');
      const [channelId, plusChannelId] = await Promise.all([createChannel(app, owner), createChannel(app, plusOwner)]);
      await addMember(app, channelId, owner, viewer, 'viewer');
      const branding = `/v1/studio/channels/${channelId}/branding`;
      const put = (body: unknown, user = owner, path = branding) => app.request('PUT', path, { ...auth(user), body });
      const refusal = (answer: { status: number; body: any }) => [answer.status, answer.body?.code];

      for (const accentColor of ['red', '#12345', '#ggg', 'ee44aa', '#e4a;background:url(x)'])
        expect(refusal(await put({ accentColor }))).toEqual([400, 'validation.failed']);
      expect(refusal(await put({ tagline: 'two\nlines' }))).toEqual([400, 'studio.branding.invalid-tagline']);
      expect(refusal(await put({ tagline: 'x'.repeat(101) }))).toEqual([400, 'validation.failed']);
      expect(refusal(await put({ accentColor: '#fff', theme: 'dark' }))).toEqual([400, 'validation.failed']);
      expect(refusal(await put({ accentColor: '#fff', bannerKey: 'branding/other/banner.png' }))).toEqual([
        400,
        'validation.failed',
      ]);

      const upload = (image: string, bytes: Buffer, type?: string, user = owner, channel = channelId) =>
        putBrandingImage(app, user, channel, image, bytes, type);
      const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
      expect(refusal(await upload('logo', gif, 'image/gif'))).toEqual([422, 'studio.branding.image-unsupported']);
      expect(refusal(await upload('logo', aPng(200, 200), 'image/jpeg'))).toEqual([
        422,
        'studio.branding.image-unsupported',
      ]);
      expect(refusal(await upload('logo', Buffer.from('<svg/>'), 'text/plain'))).toEqual([
        422,
        'studio.branding.image-unsupported',
      ]);
      // A PNG header over bytes no decoder reads: ffprobe disagrees with the header.
      const forged = Buffer.concat([aPng(200, 200).subarray(0, 33), Buffer.alloc(64, 0xab)]);
      expect(refusal(await upload('logo', forged))).toEqual([422, 'studio.branding.image-unsupported']);
      const padded = Buffer.concat([aPng(200, 200), Buffer.alloc(1024 * 1024)]);
      expect(refusal(await upload('logo', padded))).toMatchObject([422, 'studio.branding.image-too-large']);
      const huge = Buffer.concat([aPng(2048, 512), Buffer.alloc(5 * 1024 * 1024)]);
      expect(refusal(await upload('banner', huge))).toEqual([413, 'http.payload-too-large']);
      expect(refusal(await upload('logo', aPng(400, 100)))).toEqual([422, 'studio.branding.image-dimensions']);
      expect(refusal(await upload('banner', aPng(600, 200)))).toEqual([422, 'studio.branding.image-dimensions']);
      expect((await upload('cover', aPng(200, 200))).status).toBe(400);
      // The image parser reads image/* bodies everywhere; a JSON route still refuses one in validation.
      const imageToJson = await fetch(`${app.url}${branding}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${owner.tokens.accessToken}`, 'content-type': 'image/png' },
        body: new Uint8Array(aPng(200, 200)),
      });
      expect(imageToJson.status).toBe(400);

      // Roles and plans: a viewer reads but may not brand; a stranger learns nothing; Creator Plus is 402.
      expect((await app.request('GET', branding, auth(viewer))).status).toBe(200);
      expect(refusal(await put({ accentColor: '#fff' }, viewer))).toEqual([403, 'studio.channel.role-required']);
      expect(refusal(await upload('logo', aPng(200, 200), 'image/png', viewer))).toEqual([
        403,
        'studio.channel.role-required',
      ]);
      expect(refusal(await app.request('DELETE', branding, auth(viewer)))).toEqual([
        403,
        'studio.channel.role-required',
      ]);
      expect(refusal(await app.request('GET', branding, auth(stranger)))).toEqual([404, 'studio.channel.not-found']);
      expect(refusal(await upload('logo', aPng(200, 200), 'image/png', stranger))).toEqual([
        404,
        'studio.channel.not-found',
      ]);
      const plus = await put({ accentColor: '#fff' }, plusOwner, `/v1/studio/channels/${plusChannelId}/branding`);
      expect(plus.status).toBe(402);
      expect(plus.body).toMatchObject({
        code: 'billing.plan.upgrade-required',
        entitlement: 'custom_branding',
        planId: 'creator-plus',
        cheapestPlan: { planId: 'studio-pro' },
      });
      expect(refusal(await upload('logo', aPng(200, 200), 'image/png', plusOwner, plusChannelId))).toEqual([
        402,
        'billing.plan.upgrade-required',
      ]);

      // Nothing refused was stored.
      const stored = await app.request('GET', branding, auth(owner));
      expect(stored.body).toMatchObject({ accentColor: null, tagline: null, banner: null, logo: null });
    }, 120_000);

    it('stores images without EXIF (GPS) or text metadata, and counts what it stores against the owner’s storage (docs/adr/0067)', async () => {
      const [owner, editor] = await studioPeople(app, 2);
      await onPlan(app, owner, 'studio-pro');
      const channelId = await createChannel(app, owner);
      await addMember(app, channelId, owner, editor, 'editor');
      const before = await storageUsed(owner);

      const tagged = withJpegGps(aJpeg(256, 256));
      const logo = await putBrandingImage(app, editor, channelId, 'logo', tagged, 'image/jpeg');
      expect(logo.status).toBe(200);
      const servedLogo = Buffer.from(await (await fetchSigned(logo.body.logo.url)).arrayBuffer());
      expect(servedLogo.length).toBe(logo.body.logo.bytes);
      expect(servedLogo.length).toBeLessThan(tagged.length);
      for (const trace of ['Exif\0\0', 'shot at home', GPS_LATITUDE]) expect(servedLogo.includes(trace)).toBe(false);
      expect(servedLogo.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      // The uploader's team counts against the owner's plan, whoever uploads.
      expect(await storageUsed(owner)).toBe(before + servedLogo.length);
      expect(await storageUsed(editor)).toBe(0);

      const banner = aPng(2048, 512);
      const withBanner = await putBrandingImage(app, owner, channelId, 'banner', withPngGps(banner));
      const servedBanner = Buffer.from(await (await fetchSigned(withBanner.body.banner.url)).arrayBuffer());
      expect(servedBanner.equals(banner)).toBe(true); // the pixels byte for byte, the eXIf and tEXt chunks gone
      expect(await storageUsed(owner)).toBe(before + servedLogo.length + banner.length);

      // A replaced image gives its bytes back, a removed one too, and clearing gives back the rest.
      const newLogo = aPng(300, 300);
      expect((await putBrandingImage(app, owner, channelId, 'logo', newLogo)).status).toBe(200);
      expect(await storageUsed(owner)).toBe(before + newLogo.length + banner.length);
      expect(
        (await app.request('DELETE', `/v1/studio/channels/${channelId}/branding/banner`, auth(editor))).status,
      ).toBe(200);
      expect(await storageUsed(owner)).toBe(before + newLogo.length);
      expect((await app.request('DELETE', `/v1/studio/channels/${channelId}/branding`, auth(owner))).status).toBe(200);
      expect(await storageUsed(owner)).toBe(before);
    }, 120_000);

    it('refuses an image past the storage quota with the quota’s 402; concurrent uploads never pass the limit', async () => {
      const [owner] = await studioPeople(app, 1);
      await onPlan(app, owner, 'studio-pro');
      const channelId = await createChannel(app, owner);
      const logo = aPng(256, 256);
      const { limit } = await inContext(app, () => app.app.get(BillingApi).usageOf(owner.user.id, 'storage_bytes'));
      // Room for one logo and a half: of three uploaded together, exactly one fits.
      const filled = (limit as number) - Math.floor(logo.length * 1.5);
      await inContext(app, () =>
        app.app.get(BillingApi).consume(owner.user.id, 'storage_bytes', filled, { key: 'test:videos' }),
      );

      const answers = await Promise.all([0, 1, 2].map(() => putBrandingImage(app, owner, channelId, 'logo', logo)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 402, 402]);
      expect(await storageUsed(owner)).toBe(filled + logo.length);

      const banner = await putBrandingImage(app, owner, channelId, 'banner', aPng(2048, 512));
      expect(banner.status).toBe(402);
      expect(banner.body).toMatchObject({
        code: 'billing.quota.exceeded',
        entitlement: 'storage_bytes',
        limit,
        used: filled + logo.length,
        requested: aPng(2048, 512).length,
        planId: 'studio-pro',
        liftedBy: null, // Studio Pro is the top of the catalogue: no plan lifts it
      });
      const stored = await app.request('GET', `/v1/studio/channels/${channelId}/branding`, auth(owner));
      expect(stored.body).toMatchObject({ banner: null, logo: { bytes: logo.length } });
      expect(await storageUsed(owner)).toBe(filled + logo.length);
    }, 60_000);
  });
});
