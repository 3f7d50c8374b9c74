import { RedisConnections } from '@lib/platform';
import type { TestApp } from '@lib/platform/testing';
import { sql } from '../../support/interactions.js';
import { registerUser, startShowrunner, TEST_PASSWORD } from '../../support/showrunner.js';

describe('logins and registrations per address', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ LOGIN_MAX_ATTEMPTS_PER_IP: '4', REGISTRATIONS_PER_IP_PER_HOUR: '3' });
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

  it('limits the accounts one address creates per hour, to the configured number', async () => {
    // The window starts empty whatever the test above registered.
    const redis = app.app.get(RedisConnections);
    const keys = await redis.commands().keys(`${redis.key('rate', 'register-ip')}*`);
    if (keys.length) await redis.commands().del(...keys);
    for (let i = 0; i < 3; i += 1) await registerUser(app);
    const refused = await app.request('POST', '/v1/auth/register', {
      body: { email: 'one-too-many@example.com', handle: 'one_too_many', displayName: 'One', password: TEST_PASSWORD },
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'identity.registration.rate-limited', limit: 3, windowSeconds: 3_600 });
    // Nothing was created for the refused request.
    const created = await sql(app, `select 1 from identity.users where email = 'one-too-many@example.com'`);
    expect(created).toHaveLength(0);
  });
});
