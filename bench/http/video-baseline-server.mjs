// The `--read=video` baseline: bare Fastify 5 + a pg pool + ioredis serving GET /v1/catalog/videos/:videoId to a
// signed-in fan with the same durable work as the app (JWT check, session-revocation EXISTS in Redis, sanction
// lookup, then GetCatalogVideoHandler's one statement) and nothing else (no Nest, CQRS, pipes, ORM, helmet, logging).
import { appSource, problem, startBareReadServer } from './bare-read-server.mjs';

// The app's own handler, read model and URL signing on a bare connection: the same statement, the same JSON.
const [{ GetCatalogVideoHandler }, { SqlCatalogVideoReadModel }, { MediaUrlSigner }, { MediaViews }] =
  await Promise.all([
    appSource('libs/studio/src/application/queries/get-catalog-video/get-catalog-video.handler.ts'),
    appSource('libs/studio/src/infrastructure/persistence/sql-catalog-video.read-model.ts'),
    appSource('libs/studio/src/application/media/media-url-signer.ts'),
    appSource('libs/studio/src/application/media/media-views.ts'),
  ]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_OF_KIND = { 'not-found': 404, forbidden: 403 };

await startBareReadServer((app, { config, executor, authenticate }) => {
  // MediaLibrary.stillUrls is MediaViews.stillUrls (no read: the statement brings the asset's stills); the signer
  // takes its key, lifetime and public URL from the config.
  const media = new MediaViews(undefined, new MediaUrlSigner(config));
  const catalogVideo = new GetCatalogVideoHandler(new SqlCatalogVideoReadModel(executor), media);

  app.get('/v1/catalog/videos/:videoId', async (request, reply) => {
    // A public route: with a bearer credential the AuthGuard still authenticates it and checks sanctions.
    const { refused } = await authenticate(request);
    if (refused) return problem(reply, ...refused);
    const { videoId } = request.params;
    if (!UUID.test(videoId)) return problem(reply, 400, 'validation.failed'); // ParseUUIDPipe
    try {
      return await catalogVideo.execute({ videoId });
    } catch (error) {
      if (STATUS_OF_KIND[error.kind]) return problem(reply, STATUS_OF_KIND[error.kind], error.code);
      throw error;
    }
  });
});
