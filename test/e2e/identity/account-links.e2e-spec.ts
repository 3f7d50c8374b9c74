import type { Socket } from 'socket.io-client';
import {
  eventually,
  outboxEventIds,
  queueSettled,
  startSmtpServer,
  type ReceivedMail,
  type TestApp,
  type TestSmtpServer,
} from '@lib/platform/testing';
import { sql } from '../../support/billing.js';
import { connectSocket, nextEvent, registerUser, startShowrunner, TEST_PASSWORD } from '../../support/showrunner.js';

const NEW_PASSWORD = 'a brand new passphrase';

/** The mail body as written, without quoted-printable soft breaks and escapes. */
function bodyOf(mail: ReceivedMail): string {
  return mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('e-mail verification and password reset by one-time links', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startShowrunner({ MAIL_URL: smtp.url(), APP_URL: 'https://app.example.test' });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.rcptTo.includes(address));

  /** The token of the newest link to `page` mailed to `address` (waits for the mail to arrive). */
  async function linkMailedTo(address: string, page: 'verify-email' | 'reset-password', count = 1): Promise<string> {
    return eventually(
      () => {
        const mails = mailsTo(address).filter((mail) =>
          bodyOf(mail).includes(`https://app.example.test/${page}?token=`),
        );
        expect(mails.length).toBeGreaterThanOrEqual(count);
        const match = new RegExp(`/${page}\\?token=([^\\s]+)`).exec(bodyOf(mails[count - 1]));
        return decodeURIComponent(match![1]);
      },
      { timeoutMs: 15_000 },
    );
  }

  const verify = (token: string) => app.request('POST', '/v1/auth/verify-email', { body: { token } });
  const reset = (token: string, password = NEW_PASSWORD) =>
    app.request('POST', '/v1/auth/password-reset', { body: { token, password } });
  const askReset = (email: string) => app.request('POST', '/v1/auth/password-reset/request', { body: { email } });
  const logIn = (email: string, password: string) =>
    app.request('POST', '/v1/auth/login', { body: { email, password } });

  describe('e-mail verification', () => {
    it('mails a link at registration; following it verifies the address once and tells other contexts', async () => {
      const ada = await registerUser(app);
      expect(ada.user).toMatchObject({ emailVerified: false });
      const token = await linkMailedTo(ada.user.email, 'verify-email');

      const answer = await verify(token);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ userId: ada.user.id, email: ada.user.email, emailVerified: true });
      const me = await app.request('GET', '/v1/me', { token: ada.tokens.accessToken });
      expect(me.body.emailVerified).toBe(true);
      expect(await outboxEventIds(app, 'identity.email-verified.v1', { userId: ada.user.id })).toHaveLength(1);

      const again = await verify(token);
      expect(again.status).toBe(400);
      expect(again.body.code).toBe('identity.email-verification.used');
      expect(await outboxEventIds(app, 'identity.email-verified.v1', { userId: ada.user.id })).toHaveLength(1);
    });

    it('mails a new link on request, and refuses once the address is verified (409)', async () => {
      const bob = await registerUser(app);
      await linkMailedTo(bob.user.email, 'verify-email');
      const ask = await app.request('POST', '/v1/auth/verify-email/request', { token: bob.tokens.accessToken });
      expect(ask.status).toBe(202);
      const second = await linkMailedTo(bob.user.email, 'verify-email', 2);
      expect((await verify(second)).status).toBe(200);

      const late = await app.request('POST', '/v1/auth/verify-email/request', { token: bob.tokens.accessToken });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('identity.email.already-verified');
      expect((await app.request('POST', '/v1/auth/verify-email/request', {})).status).toBe(401);
    });

    it('refuses altered, made-up and expired links with their own codes', async () => {
      const cleo = await registerUser(app);
      const token = await linkMailedTo(cleo.user.email, 'verify-email');
      const [id, signature] = token.split('.') as [string, string];

      const forged = `${id}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const bad of [forged, `${id}.`, 'not-a-token', `${crypto.randomUUID()}.${signature}`]) {
        const answer = await verify(bad);
        expect(answer.status).toBe(400);
        expect(answer.body.code).toBe('identity.email-verification.invalid');
      }
      await sql(app, `update identity.account_tokens set expires_at = now() - interval '1 second' where id = ?`, [id]);
      const expired = await verify(token);
      expect(expired.status).toBe(400);
      expect(expired.body.code).toBe('identity.email-verification.expired');
      const me = await app.request('GET', '/v1/me', { token: cleo.tokens.accessToken });
      expect(me.body.emailVerified).toBe(false);
    });
  });

  describe('password reset', () => {
    it('sets the new password and ends every session: tokens refused, sockets closed', async () => {
      const dan = await registerUser(app);
      const laptop = await logIn(dan.user.email, TEST_PASSWORD);
      const socket = await connectSocket(app, { token: dan.tokens.accessToken });
      sockets.push(socket);
      const revoked = nextEvent(socket, 'auth:revoked', 10_000);

      expect((await askReset(dan.user.email.toUpperCase())).status).toBe(202);
      const token = await linkMailedTo(dan.user.email, 'reset-password');
      expect((await reset(token)).status).toBe(204);

      await expect(revoked).resolves.toMatchObject({ code: expect.any(String) });
      for (const accessToken of [dan.tokens.accessToken, laptop.body.tokens.accessToken]) {
        expect((await app.request('GET', '/v1/me', { token: accessToken })).status).toBe(401);
      }
      const refreshed = await app.request('POST', '/v1/auth/refresh', {
        body: { refreshToken: dan.tokens.refreshToken },
      });
      expect(refreshed.status).toBe(401);
      expect((await logIn(dan.user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await logIn(dan.user.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('answers an unknown address exactly like a known one, and mails nobody', async () => {
      const erin = await registerUser(app);
      const known = await askReset(erin.user.email);
      const unknown = await askReset('nobody-here@example.com');
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
      expect([...unknown.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());

      await linkMailedTo(erin.user.email, 'reset-password');
      await queueSettled(app, 'identity.send-mail');
      expect(mailsTo('nobody-here@example.com')).toHaveLength(0);
    });

    it('refuses a used link, an expired link and a link made for e-mail verification', async () => {
      const fay = await registerUser(app);
      const verification = await linkMailedTo(fay.user.email, 'verify-email');
      await askReset(fay.user.email);
      const first = await linkMailedTo(fay.user.email, 'reset-password');
      await askReset(fay.user.email);
      const second = await linkMailedTo(fay.user.email, 'reset-password', 2);

      const crossed = await reset(verification);
      expect(crossed.status).toBe(400);
      expect(crossed.body.code).toBe('identity.password-reset.invalid');
      const crossedBack = await verify(first);
      expect(crossedBack.body.code).toBe('identity.email-verification.invalid');

      // A refused password does not use the link up.
      const weak = await reset(first, 'aaaa');
      expect(weak.body.code).toBe('identity.password.weak');
      expect((await reset(first)).status).toBe(204);
      const reused = await reset(first, 'yet another passphrase');
      expect(reused.status).toBe(400);
      expect(reused.body.code).toBe('identity.password-reset.used');
      // Older links of the same account die with the reset.
      expect((await reset(second, 'yet another passphrase')).body.code).toBe('identity.password-reset.used');

      await askReset(fay.user.email);
      const third = await linkMailedTo(fay.user.email, 'reset-password', 3);
      await sql(app, `update identity.account_tokens set expires_at = now() - interval '1 second' where id = ?`, [
        third.split('.')[0],
      ]);
      const expired = await reset(third, 'yet another passphrase');
      expect(expired.status).toBe(400);
      expect(expired.body.code).toBe('identity.password-reset.expired');
      expect((await logIn(fay.user.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('limits requests per address, counted the same whether or not it has an account', async () => {
      const gus = await registerUser(app);
      for (const email of [gus.user.email, 'no-account@example.com']) {
        for (let i = 0; i < 3; i += 1) expect((await askReset(email)).status).toBe(202);
        const limited = await askReset(email);
        expect(limited.status).toBe(429);
        expect(limited.body.code).toBe('identity.password-reset.rate-limited');
        expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    });
  });
});
