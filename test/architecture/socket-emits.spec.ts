import { fileURLToPath } from 'node:url';
import { readLibrarySources } from './error-codes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Pushes go through `RealtimeEmitter` with a declared `ServerEvent`, which the AsyncAPI check holds
 * to its documentation. A socket `.emit('literal', …)` would bypass both; this finds any.
 */
const RAW_EMIT = /\.emit\(\s*['"`]/g;

export function rawEmits(sources: Array<{ path: string; text: string }>): string[] {
  return (
    sources
      // The Stripe emulator's emit is its own webhook event log, not a socket.
      .filter(({ path }) => !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path) && !path.includes('/testing/'))
      .filter(({ path }) => !path.startsWith('libs/stripe-emulator/'))
      .flatMap(({ path, text }) =>
        [...text.matchAll(RAW_EMIT)].map((match) => `${path}:${text.slice(0, match.index).split('\n').length}`),
      )
  );
}

describe('socket pushes', () => {
  it('use declared server events, never a raw event name', () => {
    expect(rawEmits(readLibrarySources(root))).toEqual([]);
  });

  it('the check finds a raw emit (planted)', () => {
    const planted = { path: 'libs/x/src/y.ts', text: "const a = 1;\nsocket.emit('surprise', {});\n" };
    expect(rawEmits([planted])).toEqual(['libs/x/src/y.ts:2']);
  });
});
