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
