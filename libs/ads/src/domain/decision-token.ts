import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a decision token vouches for: this decision showed this creative to this viewer, until `exp`. */
export interface DecisionClaims {
  /** Decision id: the single-use key of its impression and its click. */
  d: string;
  /** Creative id. */
  c: string;
  /** Viewer key: `u:<userId>` or `d:<deviceId>`. */
  v: string;
  /** The video the ad ran on, and its creator (the revenue share), when any. */
  vid: string | null;
  cr: string | null;
  /** Expiry, epoch seconds. */
  exp: number;
}

export type TokenVerdict =
  { ok: true; claims: DecisionClaims } | { ok: false; code: 'ads.token.invalid' | 'ads.token.expired'; reason: string };

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

/** `<payload>.<mac>`, both base64url; the MAC is HMAC-SHA256 over the payload's text. */
export function signDecisionToken(claims: DecisionClaims, secret: string): string {
  const body = b64(JSON.stringify(claims));
  return `${body}.${b64(sign(secret, body))}`;
}

/** Checks the MAC (constant time) before reading anything, then the shape and the expiry. */
export function verifyDecisionToken(token: unknown, secret: string, nowMs: number): TokenVerdict {
  const invalid = (reason: string): TokenVerdict => ({ ok: false, code: 'ads.token.invalid', reason });
  if (typeof token !== 'string' || token.length > 1024) return invalid('not a token');
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return invalid('not a token');
  const expected = sign(secret, body);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid('bad signature');
  let claims: DecisionClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as DecisionClaims;
  } catch {
    return invalid('unreadable payload');
  }
  if (typeof claims?.d !== 'string' || typeof claims.c !== 'string' || typeof claims.v !== 'string')
    return invalid('incomplete claims');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs)
    return { ok: false, code: 'ads.token.expired', reason: 'the decision has expired' };
  return { ok: true, claims };
}
