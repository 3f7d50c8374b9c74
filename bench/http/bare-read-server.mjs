// What every `--read` baseline shares: bare Fastify 5, a pg pool of the app's size, ioredis, the app's
// configuration from the same environment, and the AuthGuard's durable work for a bearer token (signature and
// claims, the session's revocation EXISTS in Redis, the account's sanction row). Each scenario adds its route.
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { bareExecutor } from '../lib/services.mjs';

/** Loads a TypeScript module of the app (path from the repository root): the baselines reuse the app's classes. */
export const appSource = (path) => tsImport(`../../${path}`, import.meta.url);

const [{ AppConfig, readEnvironment }, { AccessTokens }, { SqlAccountSanctionRepository }] = await Promise.all([
  appSource('config/index.ts'),
  appSource('libs/platform/src/auth/access-tokens.ts'),
  appSource('libs/trust-safety/src/infrastructure/persistence/sql-account-sanction.repository.ts'),
]);

/** A problem+json refusal with its status and stable code (the body's other fields are not compared). */
export const problem = (reply, status, code) =>
  reply.code(status).type('application/problem+json').send({ status, code });

/**
 * Starts the server: `addRoutes(app, tools)` registers the scenario's route, with `tools` = { config, pool,
 * executor (MikroORM-style execute over the pool), authenticate }. `authenticate(request)` resolves to
 * { principal } (undefined without a bearer credential) or { refused: [status, code] }.
 */
export async function startBareReadServer(addRoutes) {
  const {
    DATABASE_URL,
    REDIS_URL,
    JWT_SECRET,
    REDIS_PREFIX = 'showrunner',
    PORT = '0',
    HOST = '127.0.0.1',
  } = process.env;
  if (!DATABASE_URL || !REDIS_URL || !JWT_SECRET)
    throw new Error('DATABASE_URL, REDIS_URL and JWT_SECRET are required');
  const config = new AppConfig(readEnvironment(process.env), {
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    jwtSecret: JWT_SECRET,
  });
  // Same pool size as the app's MikroORM pool (ormOptions: max 10).
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, idleTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  const redis = new Redis(REDIS_URL, { lazyConnect: false });
  const executor = bareExecutor(pool);
  const accessTokens = new AccessTokens(config);
  const sanctions = new SqlAccountSanctionRepository(executor);

  // AuthGuard + RequestAuthenticator + SanctionAccountRestrictions for a read: a banned account reads nothing.
  const authenticate = async (request) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return {};
    let principal;
    try {
      principal = accessTokens.verify(token);
    } catch {
      return { refused: [401, 'auth.token-invalid'] };
    }
    if ((await redis.exists(`${REDIS_PREFIX}:revoked-session:${principal.sessionId}`)) === 1)
      return { refused: [401, 'auth.session-revoked'] };
    if ((await sanctions.of(principal.userId))?.bannedAt) return { refused: [403, 'trust-safety.account.banned'] };
    return { principal };
  };

  const app = Fastify({ logger: false });
  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async () => {
    await pool.query('select 1');
    await redis.ping();
    return { status: 'ok' };
  });
  addRoutes(app, { config, pool, executor, authenticate });

  const shutdown = async () => {
    await app.close();
    await pool.end();
    redis.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await app.listen({ port: Number(PORT), host: HOST });
}
