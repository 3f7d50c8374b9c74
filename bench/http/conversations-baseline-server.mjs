// The `--read=conversations` baseline: bare Fastify 5 + a pg pool + ioredis serving GET /v1/conversations with the
// same durable work as the app (JWT check, session-revocation lookup in Redis, sanction lookup, the read model's
// three statements) and nothing else (no Nest, CQRS, validation pipe, ORM request context, helmet, logging, metrics).
import { appSource, problem, startBareReadServer } from './bare-read-server.mjs';

// The app's own classes, on a bare connection: same SQL, same row mapping, same JSON.
const [{ SqlConversationsReadModel }, { ListConversationsHandler }] = await Promise.all([
  appSource('libs/engagement/src/infrastructure/read-models/sql-conversations.read-model.ts'),
  appSource('libs/engagement/src/application/queries/list-conversations/list-conversations.handler.ts'),
]);

await startBareReadServer((app, { executor, authenticate }) => {
  const conversations = new ListConversationsHandler(new SqlConversationsReadModel(executor, executor));
  app.get('/v1/conversations', async (request, reply) => {
    const { principal, refused } = await authenticate(request);
    if (refused) return problem(reply, ...refused);
    if (!principal) return problem(reply, 401, 'auth.unauthenticated');
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
});
