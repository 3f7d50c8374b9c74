// The messaging benchmark's baseline: plain Socket.IO 4 on node:http with the same Redis adapter and the same
// delivery path as the app (publish through @socket.io/redis-emitter, the adapter delivers to `user:<id>` rooms),
// but no framework, no auth check, no database: on `message:send` it assigns the next sequence in memory,
// acknowledges with a message view shaped like the app's, and pushes `message:new` to every member's room.
// With DATABASE_URL it also does the minimum durable write, in one transaction on the app's own tables: the
// conversation's sequence bumped under its row lock, the message inserted ("the same work minus the framework").
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Emitter } from '@socket.io/redis-emitter';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 3001);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const key = `${process.env.REDIS_PREFIX ?? 'bench-baseline'}:socket.io`; // socketChannelKey() in the app

/** conversationId → { seq, members }; filled by the benchmark through POST /bench/conversations. */
const conversations = new Map();
const pool = process.env.DATABASE_URL
  ? new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 10,
      // The app's pool setting (DATABASE_POOL_IDLE_TIMEOUT_MS, ADR 0080), so both keep their connections alike.
      idleTimeoutMillis: Number(process.env.DATABASE_POOL_IDLE_TIMEOUT_MS ?? 60_000),
    })
  : undefined;

/** The next sequence: in memory, or from the database together with the stored message. */
async function store(conversation, view) {
  if (!pool) return ++conversation.seq;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(
      'update engagement.conversations set last_seq = last_seq + 1, last_activity_at = $2 where id = $1 returning last_seq',
      [view.conversationId, view.createdAt],
    );
    const seq = rows[0].last_seq;
    await client.query(
      `insert into engagement.messages (id, conversation_id, seq, revision, sender_id, client_message_id, body, created_at)
       values ($1, $2, $3, $3, $4, $5, $6, $7)`,
      [view.id, view.conversationId, seq, view.senderId, view.clientMessageId, view.text, view.createdAt],
    );
    await client.query('commit');
    return seq;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const http = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health/ready') return void response.writeHead(200).end('ok');
  if (request.method === 'POST' && request.url === '/bench/conversations') {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      for (const { conversationId, members } of JSON.parse(body))
        conversations.set(conversationId, { seq: 0, members: new Set(members) });
      response.writeHead(204).end();
    });
    return;
  }
  response.writeHead(404).end();
});

const pub = new Redis(redisUrl);
const sub = new Redis(redisUrl);
const io = new Server(http, { maxHttpBufferSize: 64 * 1024, adapter: createAdapter(pub, sub, { key }) });
const emitter = new Emitter(new Redis(redisUrl), { key });

io.on('connection', (socket) => {
  // No authentication: the client says who it is (the app verifies a JWT and a revocation key here).
  const userId = String(socket.handshake.auth?.userId ?? '');
  void socket.join(`user:${userId}`);
  socket.on('message:send', async (body, ack) => {
    if (typeof ack !== 'function') return;
    const conversation = conversations.get(body?.conversationId);
    if (!conversation || !conversation.members.has(userId) || typeof body.text !== 'string') {
      return ack({ error: { code: 'engagement.conversation.not-found' } });
    }
    const view = {
      id: randomUUID(),
      conversationId: body.conversationId,
      seq: 0,
      revision: 1,
      senderId: userId,
      clientMessageId: body.clientMessageId,
      text: body.text,
      replyToId: null,
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
    };
    try {
      view.seq = await store(conversation, view);
    } catch (error) {
      return ack({ error: { code: 'bench.store-failed', detail: error.message } });
    }
    emitter.to([...conversation.members].map((member) => `user:${member}`)).emit('message:new', view);
    ack({ message: view });
  });
});

http.listen(port, process.env.HOST ?? '127.0.0.1');

const stop = () => {
  io.close();
  http.close();
  void pool?.end();
  for (const client of [pub, sub]) client.disconnect();
  setTimeout(() => process.exit(0), 200).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
