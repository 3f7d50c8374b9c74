import { StripeApiError } from './errors.js';
import { coerceParams, decodeForm } from './form-encoding.js';

describe('decoding Stripe form bodies', () => {
  it('nests bracket keys into objects and indexed keys into arrays, keeping values as strings', () => {
    const body =
      'mode=subscription&line_items[0][price]=price_1&line_items[0][quantity]=1&line_items[1][price]=price_2' +
      '&metadata[userId]=42&subscription_data[metadata][planId]=gold&subscription_data[trial_period_days]=14';
    expect(decodeForm(body)).toEqual({
      mode: 'subscription',
      line_items: [{ price: 'price_1', quantity: '1' }, { price: 'price_2' }],
      metadata: { userId: '42' },
      subscription_data: { metadata: { planId: 'gold' }, trial_period_days: '14' },
    });
  });

  it('decodes percent escapes and plus signs, appends empty brackets and accepts encoded brackets', () => {
    const decoded = decodeForm(
      'success_url=https%3A%2F%2Fa.example%2Fok%3Fx%3D1&name=A+Fan&lookup_keys[]=gold&lookup_keys[]=silver&expand%5B0%5D=latest_invoice',
    );
    expect(decoded).toEqual({
      success_url: 'https://a.example/ok?x=1',
      name: 'A Fan',
      lookup_keys: ['gold', 'silver'],
      expand: ['latest_invoice'],
    });
  });

  it('ignores keys that would reach the object prototype', () => {
    const decoded = decodeForm('__proto__[polluted]=yes&metadata[__proto__][x]=1&ok=1');
    expect(decoded).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps objects with non-sequential numeric keys as objects', () => {
    expect(decodeForm('metadata[0]=a&metadata[2]=b')).toEqual({ metadata: { '0': 'a', '2': 'b' } });
  });
});

describe('coercing known parameters', () => {
  it('turns known integers and booleans into numbers and booleans, anywhere in the tree, and nothing else', () => {
    const params = coerceParams(
      decodeForm(
        'unit_amount=1500&items[0][quantity]=2&proration_date=1767225600&cancel_at_period_end=true&trial_end=now&metadata[amount]=7&metadata[active]=yes&nickname=123',
      ),
    );
    expect(params).toEqual({
      unit_amount: 1500,
      items: [{ quantity: 2 }],
      proration_date: 1767225600,
      cancel_at_period_end: true,
      trial_end: 'now',
      metadata: { amount: '7', active: 'yes' },
      nickname: '123',
    });
  });

  it('answers Stripe 400s for values that are not integers or booleans', () => {
    const notInteger = (() => {
      try {
        coerceParams(decodeForm('line_items[0][quantity]=two'));
      } catch (error) {
        return error;
      }
    })() as StripeApiError;
    expect(notInteger).toBeInstanceOf(StripeApiError);
    expect(notInteger.status).toBe(400);
    expect(notInteger.body).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      param: 'line_items[0][quantity]',
      message: 'Invalid integer: two',
    });
    expect(() => coerceParams(decodeForm('active=yes'))).toThrow('Invalid boolean: yes');
  });
});
