import { assertReturnUrl } from './return-url.js';

describe('checkout return URLs', () => {
  const allowed = ['https://app.example.com', 'http://localhost:5173', 'myapp://'];

  it.each([
    'https://app.example.com/billing/done?session={CHECKOUT_SESSION_ID}',
    'HTTPS://APP.EXAMPLE.COM/x',
    'http://localhost:5173/',
    'myapp://billing/done',
  ])('lets %s through', (url) => {
    expect(assertReturnUrl('successUrl', url, allowed)).toBe(url);
  });

  it.each([
    ['https://evil.example.net/phish', 'another host'],
    ['https://app.example.com.evil.net/', 'a look-alike host'],
    ['https://app.example.com:8443/', 'another port'],
    ['http://app.example.com/', 'another scheme'],
    ['https://user:pass@app.example.com/', 'credentials'],
    ['javascript:alert(1)', 'a script URL'],
    ['data:text/html,<script>', 'a data URL'],
    ['otherapp://billing', 'another app scheme'],
    ['/billing/done', 'a relative URL'],
  ])('refuses %s (%s) with billing.return-url.not-allowed', (url) => {
    expect(() => assertReturnUrl('cancelUrl', url, allowed)).toThrow(
      expect.objectContaining({ code: 'billing.return-url.not-allowed', details: { field: 'cancelUrl' } }),
    );
  });
});
