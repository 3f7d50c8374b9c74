import { ReturnUrlNotAllowedError } from './checkout-session.errors.js';

/**
 * A URL the payment page may send a customer back to: only to the platform's own apps, so a checkout
 * link can never become an open redirect. `allowed` holds origins (`https://app.example.com`) and app
 * schemes (`myapp://`, for mobile deep links).
 */
export function assertReturnUrl(field: 'successUrl' | 'cancelUrl', value: string, allowed: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ReturnUrlNotAllowedError(field, 'not an absolute URL');
  }
  if (url.username || url.password) throw new ReturnUrlNotAllowedError(field, 'credentials in the URL');
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  const ok = web
    ? allowed.includes(url.origin.toLowerCase())
    : allowed.some((entry) => entry.endsWith('://') && entry === `${url.protocol.toLowerCase()}//`);
  if (!ok)
    throw new ReturnUrlNotAllowedError(field, `${web ? url.origin : url.protocol} is not one of the app's origins`);
  return value;
}
