import { lostPortRace, onFreePort } from './free-port.js';

const taken = () => new Error('could not bind IPv4 address "127.0.0.1": Address already in use');
const lostRace = (error: unknown) => lostPortRace(String(error));

describe('onFreePort', () => {
  it('tries the preferred port first, then another port after losing the bind to a parallel start', async () => {
    const tried: number[] = [];
    const port = await onFreePort(
      0,
      async (candidate) => {
        tried.push(candidate);
        if (tried.length < 3) throw taken();
        return candidate;
      },
      lostRace,
    );
    expect(tried).toHaveLength(3);
    expect(port).toBe(tried[2]);
  });

  it('passes any other failure straight through, without a retry', async () => {
    let attempts = 0;
    const start = async () => {
      attempts++;
      throw new Error('initdb: directory exists but is not empty');
    };
    await expect(onFreePort(0, start, lostRace)).rejects.toThrow('not empty');
    expect(attempts).toBe(1);
  });

  it('gives up after five lost races with the last error', async () => {
    let attempts = 0;
    const start = async () => {
      attempts++;
      throw taken();
    };
    await expect(onFreePort(0, start, lostRace)).rejects.toThrow('Address already in use');
    expect(attempts).toBe(5);
  });
});
