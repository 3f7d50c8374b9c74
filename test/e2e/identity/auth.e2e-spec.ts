import { JwtService } from '@nestjs/jwt';
import { TEST_JWT_SECRET, type TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, TEST_PASSWORD } from '../../support/showrunner.js';

describe('registration, login and sessions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  });
  afterAll(() => app.close());

  describe('registering', () => {
    it('creates a member and logs them in', async () => {
      const answer = await app.request('POST', '/v1/auth/register', {
        body: { email: 'Ada@Example.com', password: TEST_PASSWORD, handle: 'Ada_L', displayName: '  Ada   Lovelace ' },
      });
      expect(answer.status).toBe(201);
      expect(answer.body.user).toMatchObject({
        email: 'ada@example.com',
        handle: 'ada_l',
        displayName: 'Ada Lovelace',
        roles: ['member'],
      });
      expect(answer.body.user).not.toHaveProperty('passwordHash');
      expect(answer.body.tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      const me = await app.request('GET', '/v1/me', { token: answer.body.tokens.accessToken });
      expect(me.body.id).toBe(answer.body.user.id);
    });

    it('refuses a second account with the same email, whatever its case (409)', async () => {
      const first = await registerUser(app);
      const answer = await app.request('POST', '/v1/auth/register', {
        body: {
          email: first.user.email.toUpperCase(),
          password: TEST_PASSWORD,
          handle: 'someone_else',
          displayName: 'X',
        },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('identity.email.taken');
    });

    it('refuses a taken handle (409) and an invalid or reserved one (400)', async () => {
      const first = await registerUser(app);
      const taken = await app.request('POST', '/v1/auth/register', {
        body: {
          email: 'other@example.com',
          password: TEST_PASSWORD,
          handle: first.user.handle.toUpperCase(),
          displayName: 'X',
        },
      });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'identity.handle.taken', handle: first.user.handle });
      const invalid = await app.request('POST', '/v1/auth/register', {
        body: { email: 'other2@example.com', password: TEST_PASSWORD, handle: 'no spaces!', displayName: 'X' },
      });
      expect(invalid.body.code).toBe('identity.handle.invalid');
      const reserved = await app.request('POST', '/v1/auth/register', {
        body: { email: 'other3@example.com', password: TEST_PASSWORD, handle: 'admin', displayName: 'X' },
      });
      expect(reserved.body.code).toBe('identity.handle.invalid');
    });

    it('lets exactly one of two simultaneous registrations with the same email succeed', async () => {
      const body = (handle: string) => ({
        email: 'race@example.com',
        password: TEST_PASSWORD,
        handle,
        displayName: 'Racer',
      });
      const answers = await Promise.all([
        app.request('POST', '/v1/auth/register', { body: body('racer_one') }),
        app.request('POST', '/v1/auth/register', { body: body('racer_two') }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    });

    it('refuses weak passwords with the reason', async () => {
      const answer = await app.request('POST', '/v1/auth/register', {
        body: { email: 'weak@example.com', password: 'short', handle: 'weakling', displayName: 'Weak' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('identity.password.weak');
      expect(answer.body.detail).toMatch(/at least 10 characters/);
    });
  });

  describe('logging in', () => {
    it('returns the same 401 for a wrong password and an unknown email', async () => {
      const user = await registerUser(app);
      const wrong = await app.request('POST', '/v1/auth/login', {
        body: { email: user.user.email, password: 'not the password' },
      });
      const unknown = await app.request('POST', '/v1/auth/login', {
        body: { email: 'nobody@example.com', password: 'not the password' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.code).toBe('identity.credentials.invalid');
      expect(unknown.body.code).toBe(wrong.body.code);
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('logs in with the right password, case-insensitively on the email', async () => {
      const user = await registerUser(app);
      const answer = await app.request('POST', '/v1/auth/login', {
        body: { email: user.user.email.toUpperCase(), password: TEST_PASSWORD },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.user.id).toBe(user.user.id);
    });

    it('locks an account after repeated failures, even for the right password, with Retry-After', async () => {
      const user = await registerUser(app);
      for (let i = 0; i < 3; i++) {
        expect(
          (await app.request('POST', '/v1/auth/login', { body: { email: user.user.email, password: 'wrong guess' } }))
            .status,
        ).toBe(401);
      }
      const locked = await app.request('POST', '/v1/auth/login', {
        body: { email: user.user.email, password: TEST_PASSWORD },
      });
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'identity.login.rate-limited', limit: 3 });
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: each refresh token works once and yields a new pair', async () => {
      const user = await registerUser(app);
      const first = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(user.tokens.refreshToken);
      const second = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
      expect(second.status).toBe(200);
      expect((await app.request('GET', '/v1/me', { token: second.body.accessToken })).status).toBe(200);
    });

    it('treats a replayed refresh token as stolen: 401 and the whole session ends', async () => {
      const user = await registerUser(app);
      const rotated = await app.request('POST', '/v1/auth/refresh', {
        body: { refreshToken: user.tokens.refreshToken },
      });
      const replay = await app.request('POST', '/v1/auth/refresh', {
        body: { refreshToken: user.tokens.refreshToken },
      });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('identity.refresh-token.reused');
      // The legitimate holder's newer tokens die with the family.
      const next = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } });
      expect(next.status).toBe(401);
      expect(next.body.code).toBe('identity.session.ended');
      const me = await app.request('GET', '/v1/me', { token: rotated.body.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('auth.session-revoked');
      // Other sessions of the same user are untouched.
      const other = await app.request('POST', '/v1/auth/login', {
        body: { email: user.user.email, password: TEST_PASSWORD },
      });
      expect((await app.request('GET', '/v1/me', { token: other.body.tokens.accessToken })).status).toBe(200);
    });

    it('lets one of two simultaneous uses of the same refresh token through and ends the session', async () => {
      const user = await registerUser(app);
      const answers = await Promise.all(
        [1, 2].map(() => app.request('POST', '/v1/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    });

    it('refuses an unknown refresh token', async () => {
      const answer = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: 'made-up-token' } });
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('identity.refresh-token.invalid');
    });
  });

  describe('logging out', () => {
    it('ends the session: its access token and refresh token stop working', async () => {
      const user = await registerUser(app);
      expect((await app.request('POST', '/v1/auth/logout', { token: user.tokens.accessToken })).status).toBe(204);
      const me = await app.request('GET', '/v1/me', { token: user.tokens.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('auth.session-revoked');
      const refresh = await app.request('POST', '/v1/auth/refresh', {
        body: { refreshToken: user.tokens.refreshToken },
      });
      expect(refresh.status).toBe(401);
    });
  });

  describe('access tokens', () => {
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const claims = (userId: string) => ({
      sub: userId,
      roles: ['member', 'admin'],
      sid: '018f0000-0000-7000-8000-000000000000',
      typ: 'access',
    });

    it('refuses an expired token with auth.token-expired', async () => {
      const user = await registerUser(app);
      const expired = jwt.sign(
        { ...claims(user.user.id), exp: Math.floor(Date.now() / 1000) - 10 },
        { issuer: 'showrunner', audience: 'showrunner-api' },
      );
      const answer = await app.request('GET', '/v1/me', { token: expired });
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('auth.token-expired');
    });

    it('refuses a token signed with another secret, an unsigned one and garbage', async () => {
      const user = await registerUser(app);
      const forged = new JwtService({ secret: 'another-secret-that-is-long-enough-000' }).sign(claims(user.user.id), {
        issuer: 'showrunner',
        audience: 'showrunner-api',
        expiresIn: 600,
      });
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ ...claims(user.user.id), iss: 'showrunner', aud: 'showrunner-api', exp: 9_999_999_999 }),
      ).toString('base64url');
      for (const token of [forged, `${header}.${payload}.`, 'not-a-jwt']) {
        const answer = await app.request('GET', '/v1/admin/users', { token });
        expect(answer.status).toBe(401);
        expect(answer.body.code).toBe('auth.token-invalid');
      }
    });
  });
});
