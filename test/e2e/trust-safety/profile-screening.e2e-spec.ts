import type { TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/** Identity's profile names and bios pass trust & safety's screening before anyone sees them. */
describe('screened profiles', () => {
  let app: TestApp;
  let user: RegisteredUser;
  const update = (body: Record<string, unknown>) =>
    app.request('PATCH', '/v1/me', { token: user.tokens.accessToken, body });
  const me = async () => (await app.request('GET', '/v1/me', { token: user.tokens.accessToken })).body;

  beforeAll(async () => {
    app = await startShowrunner();
    user = await registerUser(app, { displayName: 'Ada' });
  });
  afterAll(() => app.close());

  it.each([
    ['leetspeak', 'Sh1tlord'],
    ['spaced out', 'f u c k face'],
    ['Unicode look-alikes', 'ｆｕｃｋ'],
    ['a link', 'Ada (visit cheap-pills.com)'],
  ])('refuses a display name with %s (422), keeping the old one', async (_how, displayName) => {
    const answer = await update({ displayName });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'trust-safety.content.refused', surface: 'profile.name' });
    expect(answer.body.rule).toMatch(/^profile\.name\.(profanity|link)$/);
    expect((await me()).displayName).toBe('Ada');
  });

  it('answers a bio the policy would hold like a refusal: the user sees at once it was not saved', async () => {
    await update({ bio: 'Making films since 2010' });
    const answer = await update({ bio: 'no bullsh1t, just films' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ rule: 'profile.bio.profanity', signals: ['profanity'] });
    expect((await me()).bio).toBe('Making films since 2010');
  });

  it('accepts an ordinary name and bio, and an unchanged one without screening it again', async () => {
    const answer = await update({ displayName: 'Ada Lovelace', bio: 'Notes on the analytical engine, Scunthorpe' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ displayName: 'Ada Lovelace' });
  });

  it('refuses an oversized bio with a clear 4xx, not a 500', async () => {
    const answer = await update({ bio: 'a'.repeat(30_000) });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
