import { v5, v7 } from 'uuid';

/** Random bytes are drawn this many at a time: one call per 256 ids instead of one per id. */
const RANDOM_POOL_BYTES = 4_096;
const UUID_BYTES = 16;
let randomPool = new Uint8Array(0);
let poolOffset = 0;

/** The next 16 unused random bytes of the pool (refilled from the system's CSPRNG when spent). */
function randomBytes(): Uint8Array {
  if (poolOffset + UUID_BYTES > randomPool.length) {
    randomPool = globalThis.crypto.getRandomValues(new Uint8Array(RANDOM_POOL_BYTES));
    poolOffset = 0;
  }
  poolOffset += UUID_BYTES;
  return randomPool.subarray(poolOffset - UUID_BYTES, poolOffset);
}

/** Last id's millisecond and counter: ids made in the same millisecond still sort in creation order. */
const clock = { msecs: -Infinity, seq: 0 };

/**
 * A new time-ordered identifier (UUIDv7): sortable by creation and index-friendly. uuid's own v7()
 * asks the CSPRNG for every id (a webcrypto call each, ~3% of a message send's CPU); this draws from
 * a pool and keeps the same monotonic rule as uuid (a 31-bit counter seeded at random each millisecond).
 */
export function newId(): string {
  const random = randomBytes();
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++; // the counter wrapped: borrow the next millisecond
  }
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}

// Fixed forever: changing it would give every stable id a new value.
const STABLE_ID_NAMESPACE = 'a4f1c2d6-5b0e-4c39-9e57-1f3b6d8a2c40';

/**
 * The same identifier every time for the same parts (UUIDv5): for something a retry recreates,
 * such as the notification one event delivery gives one recipient, so the retry carries the same id.
 */
export function stableId(...parts: string[]): string {
  return v5(parts.join('\u001f'), STABLE_ID_NAMESPACE);
}
