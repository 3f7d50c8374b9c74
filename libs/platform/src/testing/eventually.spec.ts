import { eventually } from './eventually.js';

describe('eventually', () => {
  it('retries a failing probe until it passes', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'done';
      },
      { intervalMs: 1 },
    );
    expect([value, calls]).toEqual(['done', 3]);
  });

  it('rethrows the last failure once the time is up', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('never');
        },
        { timeoutMs: 20, intervalMs: 1 },
      ),
    ).rejects.toThrow('never');
  });

  it('gives up at once on a failure stopOn names, without waiting for the timeout', async () => {
    class Gone extends Error {}
    let calls = 0;
    await expect(
      eventually(
        () => {
          calls += 1;
          throw calls < 2 ? new Error('not yet') : new Gone('the process exited');
        },
        { timeoutMs: 60_000, intervalMs: 1, stopOn: (error) => error instanceof Gone },
      ),
    ).rejects.toThrow('the process exited');
    expect(calls).toBe(2); // a retry would have called it again, and again until the minute was up
  });
});
