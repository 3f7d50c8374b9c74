import { createHash } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasRole } from '../auth/auth.guard.js';
import { PasswordAuthenticator } from '../auth/credential-ports.js';
import type { Principal } from '../auth/principal.js';
import { RequestAuthenticator } from '../auth/request-authenticator.js';
import { QueueCatalog } from '../queues/queue-catalog.js';
import { problem } from './problem.js';
import { sendProblem } from './problem-details.filter.js';

export const BULL_BOARD_PATH = '/admin/queues';

/**
 * Bull Board at /admin/queues, for admins only: a bearer token, or HTTP Basic with an admin's email
 * and password so a browser can open it (never an API key). The hook guards every route of the board, its API included.
 */
export async function mountBullBoard(app: INestApplication, fastify: FastifyInstance): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: app
      .get(QueueCatalog)
      .all()
      .map((queue) => new BullAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Showrunner queues' } },
  });
  const authenticator = app.get(RequestAuthenticator);
  const passwords = app.get(PasswordAuthenticator, { strict: false });
  const basicCache = new Map<string, { principal: Principal; until: number }>();

  const admit = async (request: FastifyRequest): Promise<Principal | undefined> => {
    const header = request.headers.authorization ?? '';
    const bearer = RequestAuthenticator.bearerFrom(header);
    if (bearer) return authenticator.authenticate(bearer).catch(() => undefined);
    const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
    if (!basic || !passwords) return undefined;
    // The board polls every few seconds; hashing a password each time would be needlessly slow.
    const key = createHash('sha256').update(basic).digest('hex');
    const cached = basicCache.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;
    const [email, ...rest] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    const principal = (await passwords.authenticate(email ?? '', rest.join(':')).catch(() => null)) ?? undefined;
    if (principal) basicCache.set(key, { principal, until: Date.now() + 60_000 });
    return principal;
  };

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = await admit(request);
      if (!principal) {
        void reply.header('www-authenticate', 'Basic realm="Showrunner queues", charset="UTF-8"');
        sendProblem(reply, request, problem(401, 'auth.unauthenticated', 'Admin credentials are required'));
        return reply;
      }
      // API keys are scoped to the API's routes; none opens the board that can empty and obliterate queues.
      if (principal.via === 'api-key') {
        sendProblem(
          reply,
          request,
          problem(403, 'auth.api-key-scope', 'The queue dashboard cannot be opened with an API key'),
        );
        return reply;
      }
      if (!hasRole(principal, ['admin'])) {
        sendProblem(
          reply,
          request,
          problem(403, 'auth.role-required', 'The queue dashboard is for admins', { requiredRoles: ['admin'] }),
        );
        return reply;
      }
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: BULL_BOARD_PATH });
  });
}
