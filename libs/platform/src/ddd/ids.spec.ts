import { validate, version } from 'uuid';
import { newId, stableId } from './ids.js';

describe('newId', () => {
  it('makes valid, distinct UUIDv7s that sort in creation order, also within one millisecond', () => {
    // 5,000 ids in a tight loop: many share a millisecond and the random pool is refilled ~20 times.
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('does not reuse random bytes between ids', () => {
    // The last 6 bytes are random only: a pool handed out twice would repeat them.
    const tails = Array.from({ length: 2_000 }, () => newId().slice(-12));
    expect(new Set(tails).size).toBe(tails.length);
  });
});

describe('stableId', () => {
  it('is the same for the same parts and differs otherwise', () => {
    expect(stableId('a', 'b')).toBe(stableId('a', 'b'));
    expect(stableId('a', 'b')).not.toBe(stableId('ab'));
  });
});
