import { MemoryEmulatorStore } from './store.js';

describe('the in-memory emulator store', () => {
  it('hands out copies: changing what was put or what was read does not change the stored object', async () => {
    const store = new MemoryEmulatorStore();
    const original = { id: 'cus_1', object: 'customer', metadata: { plan: 'gold' } };
    await store.put(original);
    original.metadata.plan = 'changed after put';

    const read = await store.get<typeof original>('cus_1');
    expect(read).toEqual({ id: 'cus_1', object: 'customer', metadata: { plan: 'gold' } });
    read!.metadata.plan = 'changed after get';
    const listed = await store.list<typeof original>('customer');
    listed[0].metadata.plan = 'changed after list';

    expect(await store.get('cus_1')).toEqual({ id: 'cus_1', object: 'customer', metadata: { plan: 'gold' } });
    expect(await store.get('cus_1')).not.toBe(await store.get('cus_1'));
  });

  it('lists one object type in insertion order, a replaced object keeping its place', async () => {
    const store = new MemoryEmulatorStore();
    await store.put({ id: 'a', object: 'price', n: 1 });
    await store.put({ id: 'x', object: 'product' });
    await store.putMany([
      { id: 'b', object: 'price', n: 2 },
      { id: 'c', object: 'price', n: 3 },
    ]);
    await store.put({ id: 'a', object: 'price', n: 10 });

    expect(await store.list('price')).toEqual([
      { id: 'a', object: 'price', n: 10 },
      { id: 'b', object: 'price', n: 2 },
      { id: 'c', object: 'price', n: 3 },
    ]);
    expect(await store.list('product')).toEqual([{ id: 'x', object: 'product' }]);
    expect(await store.list('event')).toEqual([]);
    expect(await store.get('missing')).toBeUndefined();
    expect(store.size).toBe(4);
  });
});
