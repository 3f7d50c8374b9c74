import {
  eventsConsumed,
  eventually,
  queueSettled,
  startSmtpServer,
  type TestApp,
  type TestSmtpServer,
} from '@lib/platform/testing';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { DmcaRestorations } from '../../../libs/trust-safety/src/application/dmca/dmca-restorations.js';
import { ADMIN, logInAdmin, moderator } from '../../support/moderation.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import {
  auth,
  createChannel,
  onTestServer,
  readyVideo,
  sql,
  studioPerson,
  videoFromClip,
  makeClip,
} from '../studio/studio-helpers.js';

const RESTORE_DELAY_SECONDS = 6;

/** A notice with every element 17 U.S.C. § 512(c)(3) asks for. */
function validNotice(videoId: string, extra: Record<string, unknown> = {}) {
  return {
    copyrightedWork: 'The film "Night Kitchen" (2024), registration PA-2-345-678',
    infringingMaterial: 'A full copy of the film uploaded as an episode',
    location: `https://showrunner.example/videos/${videoId}`,
    contact: {
      name: 'Rights Holder Ltd',
      email: 'legal@rights.example',
      address: '1 Main St, Springfield',
      phone: '+1 555 0100',
    },
    goodFaithStatement: true,
    accuracyStatement: true,
    signature: 'Jane Counsel',
    ...extra,
  };
}

const validCounterNotice = {
  removedMaterial: 'My episode, which is my own footage',
  mistakeStatement: true,
  jurisdictionConsent: true,
  contact: { name: 'Cara Creator', address: '2 Side St, Shelbyville', phone: '+1 555 0199' },
  signature: 'Cara Creator',
};

describe('trust & safety: DMCA notices', () => {
  let app: TestApp;
  let adminToken: string;
  let mod: RegisteredUser;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startShowrunner({
      MAIL_URL: smtp.url(),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRUST_SAFETY_DMCA_RESTORE_DELAY_SECONDS: String(RESTORE_DELAY_SECONDS),
      // Each notice comes from its own address (X-Forwarded-For), so only the flood test meets the budget.
      TRUST_PROXY: 'true',
    });
    adminToken = await logInAdmin(app);
    mod = await moderator(app, adminToken);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await smtp.close();
  }, 120_000);
  /** Mails to the claimant about one notice, bodies as written (without quoted-printable soft breaks and escapes). */
  const claimantMailsAbout = (noticeId: string) =>
    smtp.received
      .map((mail) => ({
        to: mail.rcptTo,
        body: mail.raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      }))
      .filter((mail) => mail.to.includes('legal@rights.example') && mail.body.includes(noticeId));

  let addresses = 0;
  const nextAddress = () => `10.35.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;
  const notice = (body: unknown, ip = nextAddress()) =>
    app.request('POST', '/v1/dmca/notices', { body, headers: { 'x-forwarded-for': ip } });
  const counter = (user: RegisteredUser, noticeId: string, body: unknown) =>
    app.request('POST', `/v1/dmca/notices/${noticeId}/counter-notice`, { ...auth(user), body });
  const catalogIds = async (creatorId: string) =>
    ((await app.request('GET', `/v1/catalog?creator=${creatorId}`)).body.items as Array<{ id: string }>).map(
      (v) => v.id,
    );

  /** A creator with a published, playable video. */
  async function publishedVideo(title: string) {
    const creator = await studioPerson(app);
    const channelId = await createChannel(app, creator, `${title} channel`);
    const video = await readyVideo(app, creator, channelId, { title });
    expect(
      (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
    ).toBe(200);
    await eventually(async () => expect(await catalogIds(creator.user.id)).toEqual([video.id]));
    return { creator, channelId, videoId: video.id as string };
  }

  it('refuses a notice missing any required element, naming each one', async () => {
    const videoId = '00000000-0000-4000-8000-000000000000';
    const complete = validNotice(videoId);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['copyrightedWork', { copyrightedWork: undefined }],
      ['infringingMaterial', { infringingMaterial: '   ' }],
      ['location', { location: undefined }],
      ['contact.name', { contact: { ...complete.contact, name: undefined } }],
      ['contact.email', { contact: { ...complete.contact, email: '' } }],
      ['contact.address', { contact: { ...complete.contact, address: undefined } }],
      ['goodFaithStatement', { goodFaithStatement: false }],
      ['accuracyStatement', { accuracyStatement: undefined }],
      ['signature', { signature: undefined }],
    ];
    for (const [field, change] of cases) {
      const answer = await notice({ ...complete, ...change });
      expect([answer.status, answer.body.code, answer.body.missing]).toEqual([
        422,
        'trust-safety.dmca.notice-incomplete',
        [field],
      ]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    const empty = await notice({});
    expect(empty.status).toBe(422);
    expect(empty.body.missing).toEqual([
      'copyrightedWork',
      'infringingMaterial',
      'location',
      'contact.name',
      'contact.email',
      'contact.address',
      'goodFaithStatement',
      'accuracyStatement',
      'signature',
    ]);
    const elsewhere = await notice({ ...complete, location: 'https://elsewhere.example/watch?v=abc' });
    expect([elsewhere.status, elsewhere.body.invalid]).toEqual([
      422,
      [{ field: 'location', reason: expect.any(String) }],
    ]);
    const unknown = await notice(complete);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'trust-safety.dmca.material-not-found']);
  });

  it('limits notices per address (public, no account): the 11th in an hour is 429 with Retry-After', async () => {
    const ip = '10.99.0.1';
    for (let i = 0; i < 10; i++) expect((await notice({}, ip)).status).toBe(422);
    const flooded = await notice({}, ip);
    expect([flooded.status, flooded.body.code]).toEqual([429, 'http.rate-limit.exceeded']);
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await notice({}, '10.99.0.2')).status).toBe(422);
  });

  it('a valid notice takes the video down; the uploader counters it and it comes back after the delay', async () => {
    const { creator, videoId } = await publishedVideo('Borrowed footage');
    const playback = await app.request('GET', `/v1/catalog/videos/${videoId}/playback`, auth(creator));
    expect(playback.status).toBe(200);

    const filed = await notice(validNotice(videoId));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'taken-down', videoId, repeatInfringerBanned: false });
    await eventsConsumed(app, 'studio.apply-content-actions', {
      type: 'trust-safety.content-actioned.v1',
      payload: {
        decisionId: filed.body.takedownDecisionId,
        contentType: 'video',
        contentId: videoId,
        action: 'remove',
        rule: 'dmca',
      },
    });

    // Out of the catalog, and refused to everyone — the creator too, and the signed manifest handed out before.
    expect(await catalogIds(creator.user.id)).toEqual([]);
    const fan = await studioPerson(app);
    for (const user of [fan, creator]) {
      const refused = await app.request('GET', `/v1/catalog/videos/${videoId}/playback`, auth(user));
      expect([refused.status, refused.body.code]).toEqual([403, 'studio.video.taken-down']);
    }
    const manifest = await fetch(onTestServer(app, playback.body.masterUrl));
    expect(manifest.status).toBe(403);
    expect(((await manifest.json()) as { code: string }).code).toBe('studio.video.taken-down');

    // The uploader is told, with the way to counter it.
    await eventsConsumed(app, 'engagement.notify-moderation-decision', {
      type: 'trust-safety.moderation-decided.v1',
      payload: { decisionId: filed.body.takedownDecisionId },
    });
    const notes = await app.request('GET', '/v1/notifications', auth(creator));
    const told = notes.body.items.find((n: any) => n.type === 'moderation.decision');
    expect(told.data).toMatchObject({ role: 'subject', action: 'remove' });
    expect(told.data.reason).toContain(`/v1/dmca/notices/${filed.body.id}/counter-notice`);

    // In the queue, the moderators' list and the audit log.
    const queue = await app.request('GET', '/v1/admin/moderation/queue?kind=dmca&limit=100', auth(mod));
    expect(queue.body.items.find((item: any) => item.target.id === videoId)).toMatchObject({
      kind: 'dmca',
      category: 'copyright',
      subjectUserId: creator.user.id,
    });
    const listed = await app.request('GET', `/v1/admin/moderation/dmca?videoId=${videoId}`, auth(mod));
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: filed.body.id, status: 'taken-down', uploaderId: creator.user.id }),
    ]);
    expect((await app.request('GET', `/v1/admin/moderation/dmca?videoId=${videoId}`, auth(fan))).status).toBe(403);
    const audit = await app.request('GET', `/v1/admin/audit-log?targetId=${videoId}`, { token: adminToken });
    expect(audit.body.items.map((entry: any) => entry.action).sort()).toEqual([
      'trust-safety.dmca.notice-received',
      'trust-safety.moderation.remove',
    ]);

    // Only the uploader counters, and only with every element.
    const stranger = await counter(fan, filed.body.id, validCounterNotice);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'trust-safety.dmca.not-uploader']);
    const partial = await counter(creator, filed.body.id, {
      ...validCounterNotice,
      jurisdictionConsent: undefined,
      signature: '',
    });
    expect([partial.status, partial.body.code, partial.body.missing]).toEqual([
      422,
      'trust-safety.dmca.counter-notice-incomplete',
      ['jurisdictionConsent', 'signature'],
    ]);
    const countered = await counter(creator, filed.body.id, validCounterNotice);
    expect(countered.status).toBe(200);
    expect(countered.body).toMatchObject({ status: 'counter-noticed', restoreAt: expect.any(String) });
    const delay = Date.parse(countered.body.restoreAt) - Date.parse(countered.body.counterNoticedAt);
    expect(delay).toBe(RESTORE_DELAY_SECONDS * 1_000);
    const again = await counter(creator, filed.body.id, validCounterNotice);
    expect([again.status, again.body.code]).toEqual([409, 'trust-safety.dmca.step-not-allowed']);
    // The claimant gets a copy of the counter-notice by e-mail, once, with the restoration date.
    await eventually(() => expect(claimantMailsAbout(filed.body.id)).toHaveLength(1), { timeoutMs: 15_000 });
    await queueSettled(app, 'trust-safety.send-mail');
    const [forwarded] = claimantMailsAbout(filed.body.id);
    expect(forwarded.to).toEqual(['legal@rights.example']);
    for (const part of [
      'My episode, which is my own footage',
      '2 Side St, Shelbyville',
      '+1 555 0199',
      `/v1/dmca/notices/${filed.body.id}/court-action`,
      countered.body.restoreAt,
    ])
      expect(forwarded.body).toContain(part);
    expect(claimantMailsAbout(filed.body.id)).toHaveLength(1);
    // Not before its time.
    expect((await app.request('GET', `/v1/catalog/videos/${videoId}/playback`, auth(fan))).status).toBe(403);

    await eventually(
      async () => {
        const restored = await app.request('GET', `/v1/admin/moderation/dmca/${filed.body.id}`, auth(mod));
        expect(restored.body).toMatchObject({ status: 'restored', restoreDecisionId: expect.any(String) });
        expect(Date.parse(restored.body.restoredAt)).toBeGreaterThanOrEqual(Date.parse(countered.body.restoreAt));
      },
      { timeoutMs: 30_000 },
    );
    await eventually(async () => expect(await catalogIds(creator.user.id)).toEqual([videoId]), { timeoutMs: 15_000 });
    expect((await app.request('GET', `/v1/catalog/videos/${videoId}/playback`, auth(fan))).status).toBe(200);
  }, 240_000);

  it('a court action reported by the claimant keeps the material down past the restoration time', async () => {
    const { creator, videoId } = await publishedVideo('Disputed clip');
    const filed = await notice(validNotice(videoId));
    expect(filed.status).toBe(201);
    expect((await counter(creator, filed.body.id, validCounterNotice)).status).toBe(200);

    const path = `/v1/dmca/notices/${filed.body.id}/court-action`;
    const forged = await app.request('POST', path, { body: { token: 'not-the-token', details: 'Case 1:26-cv-1' } });
    expect([forged.status, forged.body.code]).toEqual([403, 'trust-safety.dmca.claimant-token-invalid']);
    const reported = await app.request('POST', path, {
      body: { token: filed.body.claimantToken, details: 'Rights Holder v. Creator, Case 1:26-cv-1, S.D.N.Y.' },
    });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({
      status: 'court-action',
      restoreAt: null,
      courtAction: { reportedBy: 'claimant' },
    });

    // Past the restoration time, with the sweep run on purpose: still down.
    await new Promise((resolve) => setTimeout(resolve, (RESTORE_DELAY_SECONDS + 1) * 1_000));
    await app.app.get(DmcaRestorations).sweep();
    const later = await app.request('GET', `/v1/admin/moderation/dmca/${filed.body.id}`, auth(mod));
    expect(later.body.status).toBe('court-action');
    expect((await app.request('GET', `/v1/catalog/videos/${videoId}/playback`, auth(creator))).status).toBe(403);
    expect(await catalogIds(creator.user.id)).toEqual([]);
    const rows = await sql(
      app,
      `select 1 from platform.outbox where type = 'trust-safety.content-actioned.v1' and payload->>'contentId' = ? and payload->>'action' = 'restore'`,
      [videoId],
    );
    expect(rows).toHaveLength(0);

    // A moderator can record one too, but not after restoration or twice.
    const twice = await app.request('POST', `/v1/admin/moderation/dmca/${filed.body.id}/court-action`, {
      ...auth(mod),
      body: { details: 'again' },
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'trust-safety.dmca.step-not-allowed']);
  }, 240_000);

  it('the third valid notice against the same uploader terminates the account', async () => {
    const uploader = await studioPerson(app);
    const channelId = await createChannel(app, uploader, 'Repeat channel');
    const clip = makeClip();
    const videos = [];
    for (const title of ['One', 'Two', 'Three'])
      videos.push((await videoFromClip(app, uploader, channelId, clip, title)).videoId);

    const first = await notice(validNotice(videos[0]));
    const second = await notice(validNotice(videos[1], { location: videos[1] }));
    expect([first.body.repeatInfringerBanned, second.body.repeatInfringerBanned]).toEqual([false, false]);
    expect((await app.app.get(AccountStandings).standingOf(uploader.user.id)).banned).toBe(false);
    const third = await notice(validNotice(videos[2]));
    expect(third.status).toBe(201);
    expect(third.body.repeatInfringerBanned).toBe(true);
    expect((await app.app.get(AccountStandings).standingOf(uploader.user.id)).banned).toBe(true);
    // The ban ended every session; a fresh login's token is refused too.
    expect((await app.request('GET', '/v1/studio/channels', auth(uploader))).status).toBe(401);
    const login = await app.request('POST', '/v1/auth/login', {
      body: { email: uploader.user.email, password: uploader.password },
    });
    const refused = await app.request('GET', '/v1/studio/channels', { token: login.body.tokens?.accessToken });
    expect([refused.status, refused.body.code]).toEqual([403, 'trust-safety.account.banned']);
    const audit = await app.request(
      'GET',
      `/v1/admin/audit-log?targetId=${uploader.user.id}&action=trust-safety.moderation.ban`,
      {
        token: adminToken,
      },
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ rule: 'dmca.repeat-infringer' }) }),
    ]);
  }, 240_000);
});
