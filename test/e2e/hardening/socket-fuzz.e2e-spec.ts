import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import type { TestApp } from '@lib/platform/testing';
import type { ApiDocument } from '../../support/api-sweep.js';
import {
  BACKGROUND_WRITES,
  conditionCases,
  fuzzOptionsFromEnvironment,
  seedFor,
  validOf,
  WriteAudit,
  type ExpectedRefusal,
  type ValueFixtures,
} from '../../support/fuzz/index.js';
import { deeplyNested, hostileString, hostileValue } from '../../support/fuzz/hostile-values.js';
import { eventually } from '@lib/platform/testing';
import { ask, person, sendTo } from '../../support/messaging.js';
import { connectSocket, registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

type AsyncApi = ApiDocument & {
  servers: { api: { 'x-max-packet-bytes': number } };
  operations: Record<string, { action: 'send' | 'receive' }>;
  components: ApiDocument['components'] & { messages: Record<string, { payload?: Record<string, unknown> }> };
};

/** A stable dotted code, as every HTTP problem carries. */
const STABLE_CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
/** What an answer must never show: a stack frame, a source path, a database error. */
const LEAKS = /\bat [\w.<>]+ \(|\/(work|home|app|src)\/|node_modules|\.ts:\d+|QueryFailedError|syntax error at or near/;
/** WebSocket close code 1009 (Message Too Big): how the server refuses a packet over its limit (AsyncAPI info). */
const MESSAGE_TOO_BIG = 1009;
/** socket.io framing around the JSON array (`42`, the ack id): a packet this close to the limit may go either way. */
const FRAMING_BYTES = 16;

/** The message:send payload the first socket fuzzing run answered with a 500 (issue 17). */
const FOUND_PAYLOAD = {
  text: '\u0085\u2028\u2029   ',
  clientMessageId: 'c8a1f0e2-4b7d-4f0a-9a51-0c2b1d3e4f56',
  conversationId: '𛃿⡽',
  recipientId: '👩🏽‍🚀👨‍👩‍👧‍👦🏳️‍🌈',
};

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

type Outcome = { ack: unknown } | { closed: { reason: string; code?: number } } | { lost: string };

/** Emits with an acknowledgement; tells an answer from the server closing the connection and from silence. */
function send(socket: Socket, event: string, payload: unknown, timeoutMs = 15_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const onClose = (reason: string, details?: unknown) =>
      resolve({ closed: { reason, code: (details as { context?: { code?: number } } | undefined)?.context?.code } });
    socket.once('disconnect', onClose);
    socket
      .timeout(timeoutMs)
      .emitWithAck(event, payload)
      .then(
        (ack: unknown) => resolve({ ack }),
        // A disconnect rejects the ack too; the listener above has already resolved with the reason.
        (error: Error) => setImmediate(() => resolve({ lost: error.message })),
      )
      .finally(() => socket.off('disconnect', onClose));
  });
}

/** Bytes of the packet socket.io puts on the wire for `emit(event, payload)` (JSON, UTF-8). */
const packetBytes = (event: string, payload: unknown) =>
  Buffer.byteLength(JSON.stringify(payload === undefined ? [event] : [event, payload]) ?? '') + FRAMING_BYTES;

/**
 * Every client event of the AsyncAPI document (the gateways' inventory, checked against the code by
 * `test/e2e/platform/api-documents.e2e-spec.ts`) gets fast-check payloads as a signed-in member:
 * well-formed ones from its schema, and hostile ones (wrong types, huge and Unicode-edge strings, deep
 * nesting, nothing at all). The invariant: a packet within the documented size limit is always
 * acknowledged, an error in it is a 4xx problem with a stable code, nothing leaks internals; a packet
 * over the limit closes the connection with code 1009 as documented; a new connection then works.
 * Same seed and budget knobs as the HTTP fuzzing (`FUZZ_RUNS`, `FUZZ_SEED`; docs/adr/0047).
 */
describe('fuzzing the Socket.IO events from the AsyncAPI document', () => {
  const options = fuzzOptionsFromEnvironment();
  let app: TestApp;
  let document: AsyncApi;
  let member: RegisteredUser;
  let socket: Socket;
  let maxPacketBytes: number;
  let audit: WriteAudit;
  /** Real ids the member may act on, mixed into well-formed payloads by field name so handlers get past their lookups. */
  let fixtures: ValueFixtures;

  const reconnect = async () => {
    if (socket?.connected) return;
    socket?.close();
    socket = await connectSocket(app, { token: member.tokens.accessToken });
  };

  beforeAll(async () => {
    // Write budgets and the message rate limit would soon answer everything with 429: lifted so payloads reach the handlers.
    app = await startShowrunner({
      WRITE_RATE_LIMIT_PER_IP: '1000000',
      WRITE_RATE_LIMIT_PER_USER: '1000000',
      MESSAGE_RATE_LIMIT: '1000000',
    });
    document = (await app.request('GET', '/docs-asyncapi.json')).body;
    maxPacketBytes = document.servers.api['x-max-packet-bytes'];
    member = await registerUser(app);
    await reconnect();
    // A conversation the member is in (someone wrote to them, they answered) and messages of theirs in it.
    const other = await person(app);
    const { conversationId, id: received } = await eventually(() => sendTo(app, other, member, 'hello'));
    const own: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      const ack = await ask(socket, 'message:send', { conversationId, text, clientMessageId: randomUUID() });
      if (!ack.message) throw new Error(`fixture message refused: ${JSON.stringify(ack)}`);
      own.push(ack.message.id as string);
    }
    fixtures = {
      conversationId: [conversationId],
      recipientId: [other.user.id],
      messageId: own,
      replyToId: [received, own[0]],
    };
    audit = await WriteAudit.install(app.runtime.database.url);
    await audit.settle();
  }, 90_000);
  afterAll(async () => {
    socket?.close();
    await audit?.close();
    await app?.close();
  });

  it('refuses the message:send ids the fuzzer found unvalidated, and other out-of-range values, with 400', async () => {
    const refused = async (event: string, payload: unknown, fields: string[]) => {
      const outcome = await send(socket, event, payload);
      expect(outcome).toEqual({ ack: { error: expect.objectContaining({ status: 400, code: 'validation.failed' }) } });
      const named = ((outcome as { ack: { error: { errors: { field: string }[] } } }).ack.error.errors ?? []).map(
        (error) => error.field,
      );
      expect(named.sort()).toEqual(fields.sort());
    };
    // Both ids given skipped both checks (each validated only when the other was absent): a 500 from SQL.
    await refused('message:send', FOUND_PAYLOAD, ['conversationId', 'recipientId']);
    await refused('message:send', { ...FOUND_PAYLOAD, text: 'hi' }, ['conversationId', 'recipientId']);
    await refused('message:send', { ...FOUND_PAYLOAD, conversationId: randomUUID(), recipientId: randomUUID() }, [
      'conversationId',
      'recipientId',
    ]);
    await refused('message:send', { ...FOUND_PAYLOAD, conversationId: null, recipientId: null }, [
      'conversationId',
      'recipientId',
    ]);
    await refused('message:send', { text: 'hi', clientMessageId: 'c1' }, ['conversationId', 'recipientId']);
    await refused('message:send', { ...FOUND_PAYLOAD, recipientId: undefined }, ['conversationId']);
    // Sequences are int4: the DTO refuses one past it; the largest is taken and clamped to the last message.
    const other = await person(app);
    const { conversationId } = await eventually(() => sendTo(app, other, member, 'hello'));
    await refused('conversation:read', { conversationId, upToSeq: 2 ** 31 }, ['upToSeq']);
    expect(await send(socket, 'conversation:read', { conversationId, upToSeq: 2 ** 31 - 1 })).toEqual({
      ack: { receipt: expect.objectContaining({ conversationId, upToSeq: 1 }) },
    });
    // Each id checked alone; the text of U+0085 and separators is blank (String#trim keeps U+0085).
    const { recipientId: _, ...toConversation } = FOUND_PAYLOAD;
    expect(await send(socket, 'message:send', { ...toConversation, conversationId: randomUUID() })).toEqual({
      ack: { error: expect.objectContaining({ status: 400, code: 'engagement.message.invalid' }) },
    });
    expect(await send(socket, 'message:send', { ...toConversation, text: 'hi', conversationId: randomUUID() })).toEqual(
      { ack: { error: expect.objectContaining({ status: 404, code: 'engagement.conversation.not-found' }) } },
    );
    expect(socket.connected).toBe(true);
  }, 60_000);

  it('closes the connection on a packet over the documented limit (code 1009, no acknowledgement), and serves the next one', async () => {
    expect(maxPacketBytes).toBe(64 * 1024);
    const under = 'x'.repeat(maxPacketBytes - 200);
    expect(await send(socket, 'session:whoami', under)).toEqual({
      ack: expect.objectContaining({ userId: member.user.id }),
    });
    expect(await send(socket, 'session:whoami', { text: 'x'.repeat(maxPacketBytes) })).toEqual({
      closed: { reason: 'transport close', code: MESSAGE_TOO_BIG },
    });
    await reconnect();
    expect(await ask(socket, 'session:whoami', undefined)).toMatchObject({ userId: member.user.id });
  }, 60_000);

  it('acknowledges every client event’s payloads with a result or a 4xx problem with a stable code, writes nothing when refusing, and stays up', async () => {
    const events = Object.entries(document.operations)
      .filter(([, operation]) => operation.action === 'receive')
      .map(([id]) => id.replace(/^handle /, ''));
    expect(events).toEqual(expect.arrayContaining(['message:send', 'session:whoami']));
    const findings: string[] = [];
    const counts = { acknowledged: 0, closed: 0, accepted: 0, expected: 0 };
    type Sent = { payload: unknown; expected?: ExpectedRefusal };
    const plain = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Sent> => arbitrary.map((payload) => ({ payload }));
    for (const event of events) {
      const schema = document.components.messages[event]?.payload;
      // Each alternative of a documented condition, and each combination breaking it with its promised refusal.
      const conditions = conditionCases(document, schema, fixtures).map(({ arbitrary }) =>
        arbitrary.map(({ value, expected }): Sent => ({ payload: value, expected })),
      );
      const examples = conditions.map(
        (arbitrary, index) =>
          fc.sample(arbitrary, { seed: seedFor(options.seed, event) + index, numRuns: 1 }) as [Sent],
      );
      // Well-formed payloads (real ids mostly) reach the handlers behind validation, so they get most of the budget.
      const payload: fc.Arbitrary<Sent> = fc.oneof(
        { arbitrary: plain(validOf(document, schema, 0, fixtures)), weight: 4 },
        ...(conditions.length ? [{ arbitrary: fc.oneof(...conditions), weight: 1 }] : []),
        { arbitrary: plain(hostileValue), weight: 1 },
        { arbitrary: plain(hostileString), weight: 1 },
        { arbitrary: plain(deeplyNested), weight: 1 },
        { arbitrary: plain(fc.constantFrom(undefined, null, [], {})), weight: 1 },
        // Big payloads either side of the packet limit, which a small budget would rarely draw.
        {
          arbitrary: plain(
            fc.constantFrom(
              'x'.repeat(10_001),
              { text: 'x'.repeat(maxPacketBytes - 1_000) },
              'é'.repeat(maxPacketBytes),
              { text: 'x'.repeat(100_000) },
            ),
          ),
          weight: 1,
        },
      );
      await fc.assert(
        fc.asyncProperty(payload, async ({ payload: sent, expected }) => {
          // An event may legitimately end the connection (a revoked session, an oversized packet): carry on with a fresh one.
          await reconnect();
          const bytes = packetBytes(event, sent);
          const before = await audit.mark();
          const outcome = await send(socket, event, sent);
          const shown = `${event} with ${JSON.stringify(sent)?.slice(0, 200)} (${bytes} bytes)`;
          const { writes } = await audit.since(before, BACKGROUND_WRITES);
          const refused = !('ack' in outcome) || Boolean((outcome.ack as { error?: unknown } | null)?.error);
          if (refused && writes.length) findings.push(`${shown}: refused yet wrote ${writes.join(', ')}`);
          // An accepted write's after-commit work (outbox consumers) lands before the next payload is judged.
          if (!refused && writes.length) await audit.settle();
          if (!refused) counts.accepted++;
          if (expected) {
            counts.expected++;
            const error = 'ack' in outcome ? (outcome.ack as { error?: ExpectedRefusal } | null)?.error : undefined;
            if (error?.status !== expected.status || error?.code !== expected.code)
              findings.push(
                `${shown}: ${JSON.stringify(outcome).slice(0, 200)} where the document promises ${expected.status} ${expected.code}`,
              );
          }
          if ('lost' in outcome) findings.push(`${shown}: no acknowledgement (${outcome.lost})`);
          else if ('closed' in outcome) {
            counts.closed++;
            const expected = bytes > maxPacketBytes && outcome.closed.code === MESSAGE_TOO_BIG;
            if (!expected) findings.push(`${shown}: connection closed (${JSON.stringify(outcome.closed)})`);
          } else {
            counts.acknowledged++;
            if (bytes > maxPacketBytes + FRAMING_BYTES) findings.push(`${shown}: acknowledged over the packet limit`);
            const problem = violation(outcome.ack);
            if (problem) findings.push(`${shown}: ${problem}`);
          }
        }),
        // Socket round trips are cheap: 10 × the HTTP per-operation budget, each event on its own seed, the conditions first.
        { seed: seedFor(options.seed, event), numRuns: options.runs * 10 + examples.length, examples },
      );
    }
    expect(findings).toEqual([]);
    // Real fixtures get payloads past validation and lookups (messages sent, edited, read), and the conditions were sent.
    expect(counts.accepted).toBeGreaterThan(events.length);
    expect(counts.expected).toBeGreaterThanOrEqual(2);
    // Both sides of the limit were exercised, so neither check is vacuous.
    expect(counts.closed).toBeGreaterThan(0);
    expect(counts.acknowledged).toBeGreaterThan(counts.closed);
    // Still serving, on the same kind of connection.
    await reconnect();
    expect(await ask(socket, 'session:whoami', undefined)).toMatchObject({ userId: member.user.id });
    expect((await app.request('GET', '/health/live')).status).toBe(200);
  }, 180_000);
});
