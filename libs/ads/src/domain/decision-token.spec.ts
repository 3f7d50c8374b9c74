import { signDecisionToken, verifyDecisionToken, type DecisionClaims } from './decision-token.js';

const secret = 'a-secret-for-tests';
const now = Date.UTC(2026, 11, 3, 12);
const claims: DecisionClaims = {
  d: '0b1d2e3f-0000-4000-8000-000000000001',
  c: '0b1d2e3f-0000-4000-8000-000000000002',
  v: 'd:device-123456',
  vid: null,
  cr: null,
  exp: now / 1000 + 60,
};

describe('decision tokens', () => {
  it('verifies what it signed', () => {
    expect(verifyDecisionToken(signDecisionToken(claims, secret), secret, now)).toEqual({ ok: true, claims });
  });

  it('refuses a token signed with another key', () => {
    const verdict = verifyDecisionToken(signDecisionToken(claims, 'another key'), secret, now);
    expect(verdict).toMatchObject({ ok: false, code: 'ads.token.invalid' });
  });

  it('refuses a token whose payload was edited (another creative, another viewer)', () => {
    const [, mac] = signDecisionToken(claims, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, c: claims.d })).toString('base64url');
    expect(verifyDecisionToken(`${forged}.${mac}`, secret, now)).toMatchObject({
      ok: false,
      code: 'ads.token.invalid',
    });
  });

  it('refuses an expired token, and garbage', () => {
    const token = signDecisionToken(claims, secret);
    expect(verifyDecisionToken(token, secret, (claims.exp + 1) * 1000)).toMatchObject({
      ok: false,
      code: 'ads.token.expired',
    });
    for (const garbage of [undefined, 42, '', 'a.b.c', 'abc', `${'x'.repeat(2000)}.y`])
      expect(verifyDecisionToken(garbage, secret, now)).toMatchObject({ ok: false, code: 'ads.token.invalid' });
  });
});
