import type { TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, TEST_PASSWORD } from '../../support/showrunner.js';

describe('login attempts per address', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ LOGIN_MAX_ATTEMPTS_PER_IP: '4' });
  });
  afterAll(() => app.close());

  it('limits every login attempt from one address, across accounts and whatever the outcome', async () => {
    const [first, second] = [await registerUser(app), await registerUser(app)];
    const attempt = (email: string, password: string) =>
      app.request('POST', '/v1/auth/login', { body: { email, password } });
    expect((await attempt(first.user.email, TEST_PASSWORD)).status).toBe(200);
    expect((await attempt(first.user.email, 'wrong password')).status).toBe(401);
    expect((await attempt(second.user.email, TEST_PASSWORD)).status).toBe(200);
    expect((await attempt('nobody@example.com', 'guess')).status).toBe(401);
    const limited = await attempt(second.user.email, TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'identity.login.rate-limited', limit: 4 });
    expect(limited.body.detail).toMatch(/from this address/);
  });
});
