import Stripe from 'stripe';
import { MemoryEmulatorStore } from './store.js';
import { StripeEmulator } from './emulator.js';
import { createStripeRouter } from './http-router.js';
import { rejectionOf, startHarness, subscribe, unix, type Harness } from './testing/index.js';

describe('the HTTP surface, through the real SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
  });
  afterEach(() => h.close());

  it('answers unknown ids with 404 resource_missing, which the SDK raises as StripeInvalidRequestError', async () => {
    const error = await rejectionOf(h.stripe.subscriptions.retrieve('sub_x'));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 404,
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      param: 'id',
      message: "No such subscription: 'sub_x'",
    });
    // An id of another type is just as missing.
    const customer = await h.stripe.customers.create({});
    expect(await rejectionOf(h.stripe.subscriptions.retrieve(customer.id))).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('replays the first response for a reused Idempotency-Key and rejects the key with other parameters', async () => {
    const first = await h.stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'create-a' });
    const again = await h.stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'create-a' });
    expect(again.id).toBe(first.id);
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(again.lastResponse.requestId).toBe(first.lastResponse.requestId);
    expect((await h.stripe.customers.list()).data).toHaveLength(1);
    expect((await h.emulator.listEvents({ type: 'customer.created' })).data).toHaveLength(1);

    const mismatch = await rejectionOf(
      h.stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'create-a' }),
    );
    expect(mismatch).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(mismatch).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });

    const creations = h.server.requests.filter(
      (request) => request.method === 'POST' && request.path === '/v1/customers',
    );
    expect(creations.map((request) => [request.idempotencyKey, request.status, request.replayed])).toEqual([
      ['create-a', 200, false],
      ['create-a', 200, true],
      ['create-a', 400, false],
    ]);
    expect(creations[0].params).toEqual({ email: 'a@example.com' });
    expect(creations[0].at).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('keys idempotency per API key and records the key in the events it caused', async () => {
    const other = new Stripe('sk_test_other', {
      host: h.server.host,
      port: h.server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
    const mine = await h.stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'shared' });
    const theirs = await other.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'shared' });
    expect(theirs.id).not.toBe(mine.id);
    const [created] = (await h.emulator.listEvents({ type: 'customer.created', limit: 1 })).data;
    expect(created.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: 'shared' });
  });

  it('does not remember failed validation, so a corrected retry with the same key succeeds', async () => {
    const failed = await rejectionOf(
      h.stripe.prices.create(
        { product: 'prod_missing', unit_amount: 100, currency: 'usd' },
        { idempotencyKey: 'price-1' },
      ),
    );
    expect(failed).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'product' });
    // A failed request leaves no trace: no half-made objects.
    expect((await h.stripe.prices.list()).data).toEqual([]);
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await h.stripe.prices.create(
      { product: product.id, unit_amount: 100, currency: 'usd' },
      { idempotencyKey: 'price-1' },
    );
    expect(price.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(price.product).toBe(product.id);
  });

  it('requires a secret key', async () => {
    const response = await fetch(`${h.server.url}/v1/customers`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') },
    });
    const wrong = new Stripe('pk_test_publishable', {
      host: h.server.host,
      port: h.server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    expect(await rejectionOf(wrong.customers.list())).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('answers unknown routes with a Stripe 404', async () => {
    const response = await fetch(`${h.server.url}/v1/teleporters`, { headers: { authorization: 'Bearer sk_test_x' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('Unrecognized request URL (GET: /v1/teleporters)'),
      },
    });
  });

  it('expands references and pages through lists newest first', async () => {
    const { subscription, customer } = await subscribe(h);
    const expanded = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice', 'customer'] });
    expect(expanded.latest_invoice).toMatchObject({ object: 'invoice', id: subscription.latest_invoice });
    expect(expanded.customer).toMatchObject({ object: 'customer', id: customer.id });

    const product = await h.stripe.products.create({ name: 'Many' });
    const created: string[] = [];
    for (let amount = 1; amount <= 5; amount++)
      created.push((await h.stripe.prices.create({ product: product.id, unit_amount: amount, currency: 'usd' })).id);
    const firstPage = await h.stripe.prices.list({ product: product.id, limit: 2 });
    expect(firstPage.data.map((price) => price.id)).toEqual([created[4], created[3]]);
    expect(firstPage.has_more).toBe(true);
    const all = await h.stripe.prices.list({ product: product.id, limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((price) => price.id)).toEqual([...created].reverse());
  });

  it('keeps prices immutable apart from active, metadata, nickname and lookup_key', async () => {
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await h.stripe.prices.create({
      product: product.id,
      unit_amount: 100,
      currency: 'usd',
      lookup_key: 'gold',
    });
    const error = await rejectionOf(h.stripe.prices.update(price.id, { unit_amount: 200 } as Stripe.PriceUpdateParams));
    expect(error).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'unit_amount' });

    const taken = await rejectionOf(
      h.stripe.prices.create({ product: product.id, unit_amount: 150, currency: 'usd', lookup_key: 'gold' }),
    );
    expect(taken).toMatchObject({ statusCode: 400, param: 'lookup_key' });
    const moved = await h.stripe.prices.create({
      product: product.id,
      unit_amount: 150,
      currency: 'usd',
      lookup_key: 'gold',
      transfer_lookup_key: true,
    });
    expect((await h.stripe.prices.retrieve(price.id)).lookup_key).toBeNull();
    expect((await h.stripe.prices.list({ lookup_keys: ['gold'] })).data.map((p) => p.id)).toEqual([moved.id]);
  });
});

describe('the router on its own', () => {
  it('decodes bodies and query strings, checks the allowed keys and returns headers', async () => {
    const emulator = new StripeEmulator({
      store: new MemoryEmulatorStore(),
      clock: () => new Date('2026-03-01T00:00:00Z'),
      checkoutPageBase: 'http://x/c',
      portalPageBase: 'http://x/p',
    });
    const router = createStripeRouter(emulator, { apiKeys: ['sk_test_only'] });
    const headers = { authorization: 'Bearer sk_test_only' };
    const created = await router({
      method: 'POST',
      path: '/v1/products',
      query: '',
      headers: { ...headers, 'Idempotency-Key': 'p1' },
      body: 'name=Gold&active=false&metadata[planId]=gold',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: 'product',
      name: 'Gold',
      active: false,
      metadata: { planId: 'gold' },
      created: unix('2026-03-01T00:00:00Z'),
    });
    expect(created.headers).toMatchObject({ 'request-id': expect.stringMatching(/^req_/), 'idempotency-key': 'p1' });

    const listed = await router({
      method: 'GET',
      path: '/v1/products',
      query: 'active=false&limit=1',
      headers,
      body: '',
    });
    expect(listed.body).toMatchObject({
      object: 'list',
      url: '/v1/products',
      has_more: false,
      data: [{ name: 'Gold' }],
    });
    expect(router.requests.map((request) => request.params)).toEqual([
      { name: 'Gold', active: false, metadata: { planId: 'gold' } },
      { active: false, limit: 1 },
    ]);

    const otherKey = await router({
      method: 'GET',
      path: '/v1/products',
      query: '',
      headers: { authorization: 'Bearer sk_test_someone_else' },
      body: '',
    });
    expect(otherKey.status).toBe(401);
    const badInteger = await router({ method: 'GET', path: '/v1/products', query: 'limit=ten', headers, body: '' });
    expect(badInteger).toMatchObject({
      status: 400,
      body: { error: { code: 'parameter_invalid_integer', param: 'limit' } },
    });
  });
});
