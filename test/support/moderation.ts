import type { TestApp } from '@lib/platform/testing';
import { registerUser, type RegisteredUser } from './showrunner.js';

export const ADMIN = { email: 'root@example.com', password: 'an admin password for tests' };

/** Starts with `startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })`. */
export async function logInAdmin(app: TestApp): Promise<string> {
  const login = await app.request('POST', '/v1/auth/login', { body: ADMIN });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
  return login.body.tokens.accessToken;
}

/** A fresh account granted `moderator` by the admin, with a token that carries the role. */
export async function moderator(app: TestApp, adminToken: string): Promise<RegisteredUser> {
  const user = await registerUser(app);
  const granted = await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
    token: adminToken,
    body: { roles: ['moderator'] },
  });
  if (granted.status !== 200) throw new Error(`granting moderator failed: ${granted.status}`);
  const refreshed = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });
  return { ...user, tokens: refreshed.body };
}

export function report(
  app: TestApp,
  reporter: RegisteredUser,
  target: { type: string; id: string },
  category = 'harassment',
  extra: Record<string, unknown> = {},
) {
  return app.request('POST', '/v1/reports', {
    token: reporter.tokens.accessToken,
    body: { target, category, details: 'please look', ...extra },
  });
}
