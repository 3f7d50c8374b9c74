import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StripeEmulator } from './emulator.js';
import {
  createStripeRouter,
  type RecordedRequest,
  type StripeRouter,
  type StripeRouterOptions,
} from './http-router.js';

export interface StripeEmulatorServer {
  /** e.g. http://127.0.0.1:53412 */
  url: string;
  host: string;
  port: number;
  /** Every request answered, in arrival order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface ServeOptions extends StripeRouterOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

/** Serves the emulator's Stripe API over plain HTTP (point the SDK at it with host, port and protocol: 'http'). */
export async function serveStripeEmulator(
  emulator: StripeEmulator,
  options: ServeOptions = {},
): Promise<StripeEmulatorServer> {
  const { host = '127.0.0.1', port = 0, ...routerOptions } = options;
  const router = createStripeRouter(emulator, routerOptions);
  const server = createServer((request, response) => {
    handle(router, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { type: 'api_error', message: `The Stripe emulator failed: ${String(error)}` } }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${formatHost(host)}:${address.port}`,
    host,
    port: address.port,
    requests: router.requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function handle(router: StripeRouter, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');
  const answer = await router({
    method: request.method ?? 'GET',
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: request.headers,
    body,
  });
  const text = JSON.stringify(answer.body, null, 2);
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
