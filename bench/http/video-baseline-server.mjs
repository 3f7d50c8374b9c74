// The `--read=video` baseline: bare Fastify 5 + a pg pool + ioredis serving GET /v1/catalog/videos/:videoId to a
// signed-in fan with the same durable work as the app (JWT check, session-revocation EXISTS in Redis, sanction
// lookup, then GetCatalogVideoHandler's statements) and nothing else (no Nest, CQRS, pipes, ORM, helmet, logging).
import { appSource, problem, startBareReadServer } from './bare-read-server.mjs';

// The app's own handler and SQL classes on a bare connection: same statements where the app writes SQL, same JSON.
const [
  { GetCatalogVideoHandler },
  { CatalogDocuments },
  { CatalogVisibility },
  { SqlCatalogCounts },
  { SqlContentRestrictions },
  { SqlMediaRepository },
  { MediaUrlSigner },
  { MediaViews },
  { Video },
  { Channel },
  { StudioPerson },
  { Series },
] = await Promise.all([
  appSource('libs/studio/src/application/queries/get-catalog-video/get-catalog-video.handler.ts'),
  appSource('libs/studio/src/application/catalog/catalog-index.ts'),
  appSource('libs/studio/src/application/moderation/catalog-visibility.ts'),
  appSource('libs/studio/src/infrastructure/persistence/sql-catalog-counts.ts'),
  appSource('libs/studio/src/infrastructure/persistence/sql-content-restrictions.ts'),
  appSource('libs/studio/src/infrastructure/media/sql-media-repository.ts'),
  appSource('libs/studio/src/application/media/media-url-signer.ts'),
  appSource('libs/studio/src/application/media/media-views.ts'),
  appSource('libs/studio/src/domain/video/video.ts'),
  appSource('libs/studio/src/domain/channel/channel.ts'),
  appSource('libs/studio/src/domain/people/person.ts'),
  appSource('libs/studio/src/domain/library/library.ts'),
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_OF_KIND = { 'not-found': 404, forbidden: 403 };
const camel = (row) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/_(\w)/g, (_, c) => c.toUpperCase()), value]),
  );

await startBareReadServer((app, { config, pool, executor, authenticate }) => {
  // Where the app loads an entity through MikroORM (`em.findOne`): the statement MikroORM sends, hand-written, and
  // the row put on the entity's prototype as MikroORM hydrates it (columns in camelCase; the run checks both).
  const findOne = (Entity, sql) => async (id) => {
    const { rows } = await pool.query(sql, [id]);
    return rows[0] ? Object.assign(Object.create(Entity.prototype), camel(rows[0])) : null;
  };
  const videos = {
    byId: findOne(Video, 'select "v0".* from "studio"."videos" as "v0" where "v0"."id" = $1 limit 1'),
  };
  const channels = {
    byId: findOne(Channel, 'select "c0".* from "studio"."channels" as "c0" where "c0"."id" = $1 limit 1'),
  };
  const people = {
    byId: findOne(StudioPerson, 'select "s0".* from "studio"."people" as "s0" where "s0"."user_id" = $1 limit 1'),
  };
  const library = {
    seriesById: findOne(Series, 'select "s0".* from "studio"."series" as "s0" where "s0"."id" = $1 limit 1'),
  };
  const documents = new CatalogDocuments(channels, people, library, new SqlCatalogCounts(executor));
  // MediaLibrary.describe is MediaViews.describe; the signer takes its key, lifetime and public URL from the config.
  const media = new MediaViews(new SqlMediaRepository(executor), new MediaUrlSigner(config));
  // Only assertPlayable is called on this path: it needs the restrictions alone.
  const visibility = new CatalogVisibility(new SqlContentRestrictions(executor), videos, undefined, documents);
  const catalogVideo = new GetCatalogVideoHandler(videos, documents, media, visibility);

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
