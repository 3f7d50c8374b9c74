import { StripeEmulator } from './emulator.js';
import type { EventObject } from './objects/index.js';
import { MemoryEmulatorStore } from './store.js';

function counterIds(): (prefix: string) => string {
  let next = 0;
  return (prefix) => `${prefix}_${String(++next).padStart(6, '0')}`;
}

function deterministicEmulator(onListenerError?: (error: unknown) => void) {
  const store = new MemoryEmulatorStore();
  const emulator = new StripeEmulator({
    store,
    clock: () => new Date('2026-05-31T12:00:00Z'),
    checkoutPageBase: 'http://127.0.0.1:3000/sandbox/checkout/',
    portalPageBase: 'http://127.0.0.1:3000/sandbox/portal',
    idFactory: counterIds(),
    onListenerError,
  });
  return { emulator, store };
}

/** Catalog, checkout and a renewal driven on the emulator directly (as the sandbox page does). */
async function scenario(emulator: StripeEmulator): Promise<EventObject[]> {
  const customer = (await emulator.createCustomer({ email: 'fan@example.com' })).result;
  const product = (await emulator.createProduct({ name: 'Gold' })).result;
  const price = (
    await emulator.createPrice({
      product: product.id,
      unit_amount: 700,
      currency: 'eur',
      recurring: { interval: 'month' },
    })
  ).result;
  const session = (
    await emulator.createCheckoutSession({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price.id }],
    })
  ).result;
  const completed = await emulator.completeCheckout(session.id, 'pay');
  const renewed = await emulator.renew(completed.result.subscription!);
  return [...completed.events, ...renewed.events];
}

describe('the emulator used directly', () => {
  it('is deterministic given a clock and an id factory', async () => {
    const first = await scenario(deterministicEmulator().emulator);
    const second = await scenario(deterministicEmulator().emulator);
    expect(first).toEqual(second);
    expect(first[0].id).toMatch(/^evt_\d{6}$/);
    // May 31 + 1 month is clamped to June 30; the renewal keeps the anchor day (July 31).
    const renewedSubscription = first.at(-1)!.data.object as unknown as {
      items: { data: Array<{ current_period_start: number; current_period_end: number }> };
    };
    expect(renewedSubscription.items.data[0].current_period_start).toBe(Date.parse('2026-06-30T12:00:00Z') / 1000);
    expect(renewedSubscription.items.data[0].current_period_end).toBe(Date.parse('2026-07-31T12:00:00Z') / 1000);
  });

  it('tells listeners every batch of events in order, and stores each event', async () => {
    const { emulator, store } = deterministicEmulator();
    const batches: string[][] = [];
    const stop = emulator.onEvents((events) => {
      batches.push(events.map((event) => event.type));
    });
    const events = await scenario(emulator);
    expect(batches).toEqual([
      ['customer.created'],
      ['product.created'],
      ['price.created'],
      events.slice(0, 6).map((event) => event.type),
      events.slice(6).map((event) => event.type),
    ]);
    expect((await store.list('event')).map((event) => event.id)).toHaveLength(3 + events.length);
    stop();
    await emulator.createCustomer({});
    expect(batches).toHaveLength(5);
  });

  it('lets an async listener call back into the emulator, and gives it later events only after it finished', async () => {
    const { emulator } = deterministicEmulator();
    const order: string[] = [];
    emulator.onEvents(async (events) => {
      order.push(`start ${events[0].type}`);
      if (events[0].type === 'customer.created') await emulator.createProduct({ name: 'From a listener' });
      order.push(`end ${events[0].type}`);
    });
    await emulator.createCustomer({});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([
      'start customer.created',
      'end customer.created',
      'start product.created',
      'end product.created',
    ]);
  });

  it('keeps going when a listener throws, reporting the error', async () => {
    const errors: unknown[] = [];
    const { emulator } = deterministicEmulator((error) => errors.push(error));
    emulator.onEvents(() => {
      throw new Error('listener broke');
    });
    const { result } = await emulator.createCustomer({ email: 'x@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(result.email).toBe('x@example.com');
    expect(errors).toEqual([new Error('listener broke')]);
  });

  it('changes nothing when an operation fails part-way', async () => {
    const { emulator, store } = deterministicEmulator();
    const product = (await emulator.createProduct({ name: 'Gold' })).result;
    const before = store.size;
    // product_data would create a product, but the missing currency fails the request afterwards.
    await expect(emulator.createPrice({ product_data: { name: 'Silver' }, unit_amount: 100 })).rejects.toThrow(
      'Missing required param: currency.',
    );
    expect(store.size).toBe(before);
    expect((await emulator.listProducts()).data.map((p) => p.id)).toEqual([product.id]);
  });
});
