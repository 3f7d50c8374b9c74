import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import type { TestApp } from '@lib/platform/testing';
import type { ApiDocument } from '../../support/api-sweep.js';
import { fuzzOptionsFromEnvironment } from '../../support/fuzz/index.js';
import { deeplyNested, hostileString, hostileValue } from '../../support/fuzz/hostile-values.js';
import { validOf } from '../../support/fuzz/request-arbitrary.js';
import { ask } from '../../support/messaging.js';
import { connectSocket, registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

type AsyncApi = ApiDocument & {
  operations: Record<string, { action: 'send' | 'receive' }>;
  components: ApiDocument['components'] & { messages: Record<string, { payload?: Record<string, unknown> }> };
};

/** A stable dotted code, as every HTTP problem carries. */
const STABLE_CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
/** What an answer must never show: a stack frame, a source path, a database error. */
const LEAKS = /\bat [\w.<>]+ \(|\/(work|home|app|src)\/|node_modules|\.ts:\d+|QueryFailedError|syntax error at or near/;

/** Why an acknowledgement breaks the invariant, or null. */
function violation(ack: unknown): string | null {
  const text = JSON.stringify(ack) ?? '';
  if (LEAKS.test(text)) return `leaks internals: ${text.slice(0, 300)}`;
  const error = (ack as { error?: { status?: number; code?: string } } | null)?.error;
  if (!error) return null;
  if (typeof error.status !== 'number' || error.status >= 500) return `server error: ${text.slice(0, 300)}`;
  if (!STABLE_CODE.test(String(error.code))) return `no stable code: ${text.slice(0, 300)}`;
  return null;
}

/**
 * Every client event of the AsyncAPI document (the gateways' inventory, checked against the code by
 * `test/e2e/platform/asyncapi-document.e2e-spec.ts`) gets fast-check payloads as a signed-in member:
 * well-formed ones from its schema, and hostile ones (wrong types, huge and Unicode-edge strings, deep
 * nesting, nothing at all). The invariant: an acknowledgement always comes, an error in it is a 4xx
 * problem with a stable code, nothing leaks internals, and the connection and the server survive.
 * Same seed and budget knobs as the HTTP fuzzing (`FUZZ_RUNS`, `FUZZ_SEED`; docs/adr/0047).
 */
describe('fuzzing the Socket.IO events from the AsyncAPI document', () => {
  const options = fuzzOptionsFromEnvironment();
  let app: TestApp;
  let document: AsyncApi;
  let member: RegisteredUser;
  let socket: Socket;

  beforeAll(async () => {
    // The write budget would soon answer everything with 429: lifted so the payloads reach the handlers.
    app = await startShowrunner({ WRITE_RATE_LIMIT_PER_IP: '1000000', WRITE_RATE_LIMIT_PER_USER: '1000000' });
    document = (await app.request('GET', '/docs-asyncapi.json')).body;
    member = await registerUser(app);
    socket = await connectSocket(app, { token: member.tokens.accessToken });
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await app?.close();
  });

  it('acknowledges every client event’s payloads with a result or a 4xx problem with a stable code, and stays up', async () => {
    const events = Object.entries(document.operations)
      .filter(([, operation]) => operation.action === 'receive')
      .map(([id]) => id.replace(/^handle /, ''));
    expect(events).toEqual(expect.arrayContaining(['message:send', 'session:whoami']));
    const findings: string[] = [];
    for (const event of events) {
      const schema = document.components.messages[event]?.payload;
      // Well-formed payloads reach the handlers behind validation, so they get most of the budget.
      const payload = fc.oneof(
        { arbitrary: validOf(document, schema), weight: 4 },
        { arbitrary: hostileValue, weight: 1 },
        { arbitrary: hostileString, weight: 1 },
        { arbitrary: deeplyNested, weight: 1 },
        { arbitrary: fc.constantFrom(undefined, null, [], {}), weight: 1 },
        // Big payloads under the socket's 1 MB frame limit, which a small budget would rarely draw.
        {
          arbitrary: fc.constantFrom('x'.repeat(10_001), 'é'.repeat(70_000), { text: 'x'.repeat(100_000) }),
          weight: 1,
        },
      );
      await fc.assert(
        fc.asyncProperty(payload, async (sent) => {
          // An event may legitimately end the connection (a revoked session): carry on with a fresh one.
          if (!socket.connected) socket = await connectSocket(app, { token: member.tokens.accessToken });
          let ack: unknown;
          try {
            ack = await ask(socket, event, sent, 10_000);
          } catch (error) {
            findings.push(`${event}: no acknowledgement (${(error as Error).message})`);
            return;
          }
          const problem = violation(ack);
          if (problem) findings.push(`${event} with ${JSON.stringify(sent)?.slice(0, 200)}: ${problem}`);
        }),
        // Socket round trips are cheap (the whole file runs in seconds): 20 × the HTTP per-operation budget.
        { seed: options.seed, numRuns: options.runs * 20 },
      );
    }
    expect(findings).toEqual([]);
    // Still serving, on the same kind of connection.
    if (!socket.connected) socket = await connectSocket(app, { token: member.tokens.accessToken });
    expect(await ask(socket, 'session:whoami', undefined)).toMatchObject({ userId: member.user.id });
    expect((await app.request('GET', '/health/live')).status).toBe(200);
  }, 180_000);
});
