/** What a one-time link sent by e-mail lets its holder do. */
export const ACCOUNT_TOKEN_PURPOSES = ['email-verification', 'password-reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** A one-time link's record: the link itself carries only the id and a signature over it. */
export interface AccountToken {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  /** The address the link was mailed to: what following it proves. */
  email: string;
  expiresAt: Date;
}

/** The result of presenting a link: of two concurrent uses exactly one is `claimed`. */
export type AccountTokenClaim =
  { outcome: 'claimed'; token: AccountToken } | { outcome: 'used' } | { outcome: 'expired' } | { outcome: 'unknown' };
