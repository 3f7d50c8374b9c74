import { assertAcceptablePassword } from './password-policy.js';

const personal = { email: 'ada@example.com', handle: 'ada_lovelace' };

describe('the password policy', () => {
  it.each([
    ['short', /at least 10/],
    ['x'.repeat(257), /at most 256/],
    ['ADA@example.com', /not be your email/],
    ['ada_lovelace', /not be your email or handle/],
    ['aaaaaaaaaaaabbbb', /distinct/],
  ])('refuses %j', (password, reason) => {
    expect(() => assertAcceptablePassword(password, personal)).toThrow(reason);
  });

  it('accepts a long passphrase', () => {
    expect(() => assertAcceptablePassword('correct horse battery staple', personal)).not.toThrow();
  });
});
