import { fileURLToPath } from 'node:url';
import { declaredSocketEvents, handledSocketEvents } from '@lib/platform';
import type { TestApp } from '@lib/platform/testing';
import { startShowrunner } from '../../support/showrunner.js';
import { findErrorCodes, readLibrarySources } from '../../architecture/error-codes.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

type AsyncApi = {
  asyncapi: string;
  info: { description: string };
  operations: Record<string, { action: 'send' | 'receive'; 'x-error-codes'?: string[] }>;
  [key: string]: unknown;
};

/** Every `$ref` in the document, with whether it resolves inside it. */
function references(document: unknown): { ref: string; resolves: boolean }[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') found.push(value);
        else walk(value);
      }
  };
  walk(document);
  const resolve = (ref: string) =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
  return found.map((ref) => ({ ref, resolves: resolve(ref) !== undefined }));
}

/**
 * The Socket.IO reference (`/docs-asyncapi.json`) against the code: every push declared anywhere
 * and every event a gateway handles is documented, with schemas that resolve and error codes that exist.
 */
describe('the AsyncAPI document against the gateways', () => {
  let app: TestApp;
  let document: AsyncApi;

  beforeAll(async () => {
    app = await startShowrunner();
    const answer = await app.request('GET', '/docs-asyncapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  });
  afterAll(() => app.close());

  const documented = (action: 'send' | 'receive') =>
    Object.entries(document.operations)
      .filter(([, operation]) => operation.action === action)
      .map(([id]) => id.replace(/^(push|handle) /, ''))
      .sort();

  it('documents every event the server pushes', () => {
    expect(document.asyncapi).toBe('3.0.0');
    const declared = declaredSocketEvents().map((event) => event.name);
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((name) => !documented('send').includes(name))).toEqual([]);
  });

  it('documents exactly the client events the gateways handle', () => {
    const handled = handledSocketEvents(app.app).map(({ name }) => name);
    expect(handled).toEqual(expect.arrayContaining(['message:send', 'session:whoami', 'moderation:subscribe']));
    expect(documented('receive')).toEqual([...handled].sort());
  });

  it('states message:send’s exactly-one-of recipient as a oneOf of required-sets on its payload schema', () => {
    const { payload } = (document as any).components.messages['message:send'];
    const schema = (document as any).components.schemas[String(payload.$ref).split('/').pop()!];
    expect(schema.oneOf.map((branch: { required: string[] }) => branch.required)).toEqual([
      ['conversationId'],
      ['recipientId'],
    ]);
  });

  it('resolves every schema and names only error codes the code has', () => {
    expect(references(document).filter(({ resolves }) => !resolves)).toEqual([]);
    const codes = new Set(findErrorCodes(readLibrarySources(root)).map(({ code }) => code));
    const named = Object.values(document.operations).flatMap((operation) => operation['x-error-codes'] ?? []);
    expect(named.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('explains the connection lifecycle: handshake, expiry and refresh, catching up, the packet limit', () => {
    for (const topic of [
      'auth: { token }',
      'auth:expired',
      'POST /v1/auth/refresh',
      'after=',
      'socket.unknown-event',
      'close code 1009',
    ])
      expect(document.info.description).toContain(topic);
  });
});
