// The `--read` baseline: bare Fastify 5 + a pg pool + ioredis serving GET /v1/conversations with the same durable
// work as the app (JWT check, session-revocation lookup in Redis, sanction lookup, the read model's three
// statements) and nothing else (no Nest, CQRS, validation pipe, ORM request context, helmet, logging, metrics).
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { bareExecutor } from '../lib/services.mjs';

// The app's own classes, on a bare connection: same token check, same SQL, same row mapping, same JSON.
const source = (path) => tsImport(`../../${path}`, import.meta.url);
const [
  { AccessTokens },
  { SqlAccountSanctionRepository },
  { SqlConversationsReadModel },
  { ListConversationsHandler },
] = await Promise.all([
  source('libs/platform/src/auth/access-tokens.ts'),
  source('libs/trust-safety/src/infrastructure/persistence/sql-account-sanction.repository.ts'),
  source('libs/engagement/src/infrastructure/read-models/sql-conversations.read-model.ts'),
  source('libs/engagement/src/application/queries/list-conversations/list-conversations.handler.ts'),
]);

const {
  DATABASE_URL,
  REDIS_URL,
  JWT_SECRET,
  REDIS_PREFIX = 'showrunner',
  PORT = '0',
  HOST = '127.0.0.1',
} = process.env;
if (!DATABASE_URL || !REDIS_URL || !JWT_SECRET) throw new Error('DATABASE_URL, REDIS_URL and JWT_SECRET are required');

// Same pool size as the app's MikroORM pool (ormOptions: max 10).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, idleTimeoutMillis: 10_000 });
pool.on('error', () => undefined);
const redis = new Redis(REDIS_URL, { lazyConnect: false });
const executor = bareExecutor(pool);
const accessTokens = new AccessTokens({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 900 } });
const sanctions = new SqlAccountSanctionRepository(executor);
const conversations = new ListConversationsHandler(new SqlConversationsReadModel(executor));

const app = Fastify({ logger: false });

app.get('/health/live', async () => ({ status: 'ok' }));
app.get('/health/ready', async () => {
  await pool.query('select 1');
  await redis.ping();
  return { status: 'ok' };
});

const problem = (reply, status, code) => reply.code(status).type('application/problem+json').send({ status, code });

app.get('/v1/conversations', async (request, reply) => {
  // AuthGuard + RequestAuthenticator: bearer token, signature and claims, then the session's revocation entry.
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return problem(reply, 401, 'auth.unauthenticated');
  let principal;
  try {
    principal = accessTokens.verify(token);
  } catch {
    return problem(reply, 401, 'auth.token-invalid');
  }
  if ((await redis.exists(`${REDIS_PREFIX}:revoked-session:${principal.sessionId}`)) === 1)
    return problem(reply, 401, 'auth.session-revoked');
  // SanctionAccountRestrictions: a banned account reads nothing.
  if ((await sanctions.of(principal.userId))?.bannedAt) return problem(reply, 403, 'trust-safety.account.banned');

  // ConversationListQuery's rules, checked by hand.
  const { folder = 'inbox', limit = '20', cursor } = request.query;
  const pageSize = Number(limit);
  if (
    (folder !== 'inbox' && folder !== 'requests') ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > 100 ||
    (cursor !== undefined && (typeof cursor !== 'string' || cursor.length > 512))
  ) {
    return problem(reply, 400, 'validation.failed');
  }
  return conversations.execute({ userId: principal.userId, folder, limit: pageSize, cursor });
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  redis.disconnect();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ port: Number(PORT), host: HOST });
