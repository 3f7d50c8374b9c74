import { createServer } from 'node:net';

/** The preferred port when it is free on 127.0.0.1, otherwise one the OS hands out. */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return (preferred && (await tryListen(preferred))) || (await tryListen(0))!;
}

/** A service's own report that another process bound its port between our probe and its start. */
export function lostPortRace(output: string): boolean {
  return /address already in use/i.test(output);
}

/**
 * Starts a service on a free port, and on another when a parallel start took that port between the
 * probe and the bind (two instances starting at once both see the preferred port free).
 */
export async function onFreePort<T>(
  preferred: number,
  start: (port: number) => Promise<T>,
  lostRace: (error: unknown) => boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(attempt === 1 ? preferred : 0);
    try {
      return await start(port);
    } catch (error) {
      if (attempt >= 5 || !lostRace(error)) throw error;
    }
  }
}
