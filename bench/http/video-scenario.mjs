// `http --read=video`: an authenticated database read, GET /v1/catalog/videos/:id (a published video's page) with
// a fan's bearer token, through the api app and the bare baseline: seeding and the request mix.
import pg from 'pg';
import { creatorsOf, seedStudio } from '../load/world.mjs';
import { importSource } from '../lib/services.mjs';
import { generateVideos } from '../search/catalog-data.mjs';
import { prng } from './people-data.mjs';
import { stableUuid } from './inbox-data.mjs';

// Signed media URLs start with the public URL: both servers get the same one (the default follows the port).
const PUBLIC_URL = 'https://api.bench.test';
const fanId = (t) => stableUuid(`fan-${t}`);

/**
 * Studio's side of the load benchmark's world (creators, channels, series, published videos with ready media
 * assets and their counts) for `--videos` generated videos, and an expired mute for one fan in fifty so the
 * guard's sanction lookup sometimes finds a row.
 */
async function seedVideos(databaseUrl, options) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const started = performance.now();
    const { videos } = generateVideos(options.videos, options.seed);
    const creators = creatorsOf(videos);
    await seedStudio(pool, videos, creators);
    await pool.query(
      `insert into trust_safety.account_sanctions (user_id, muted_until, updated_at)
       select md5('fan-' || i)::uuid, timestamptz '2026-10-02 00:00:00+00', timestamptz '2026-10-01 00:00:00+00'
         from generate_series(0, $1 - 1, 50) i
       on conflict do nothing`,
      [options.readers],
    );
    for (const table of ['people', 'channels', 'series', 'videos', 'media_assets', 'catalog_counts'])
      await pool.query(`vacuum analyze studio.${table}`);
    await pool.query('vacuum analyze trust_safety.account_sanctions');
    const seconds = (performance.now() - started) / 1000;
    const episodes = videos.filter(({ body }) => body.seriesId).length;
    console.log(
      `  ${videos.length.toLocaleString('en-US')} published videos (${episodes.toLocaleString('en-US')} in a series) ` +
        `by ${creators.size.toLocaleString('en-US')} creators in ${seconds.toFixed(1)} s`,
    );
    return { videos: videos.length, episodes, creators: creators.size, seconds, plan: planOf(videos, options) };
  } finally {
    await pool.end();
  }
}

/** `readers` fans, each asking for one video drawn by popularity (Zipf-like, as pages are opened). */
function planOf(videos, options) {
  const random = prng(options.seed + 7);
  const byPopularity = [...videos].sort((a, b) => b.body.popularity - a.body.popularity);
  return Array.from({ length: options.readers }, (_, t) => {
    const { id, body } = byPopularity[Math.floor(random() ** 2 * byPopularity.length)];
    return { fan: t, videoId: id, kind: body.seriesId ? 'episode' : 'single video' };
  });
}

/** One request per fan, each with an access token signed by the app's AccessTokens (a stable session, never revoked). */
async function buildVideoRequests(_candidate, options, jwtSecret, seeded) {
  const { AccessTokens } = await importSource('libs/platform/src/auth/access-tokens.ts');
  const accessTokens = new AccessTokens({ auth: { jwtSecret, accessTokenTtlSeconds: 6 * 3600 } });
  const requests = seeded.plan.map(({ fan, videoId, kind }) => {
    const { token } = accessTokens.issue({
      userId: fanId(fan),
      roles: ['member'],
      sessionId: stableUuid(`fan-session-${fan}`),
    });
    return {
      label: `fan ${fan}, ${kind} ${videoId}`,
      kind,
      method: 'GET',
      path: `/v1/catalog/videos/${videoId}`,
      headers: { authorization: `Bearer ${token}` },
    };
  });
  // Both paths of the handler (with and without the series lookup) must be in the mix, or one goes unchecked.
  for (const kind of ['episode', 'single video'])
    if (!requests.some((request) => request.kind === kind)) throw new Error(`no ${kind} in the mix: add --readers`);
  return requests;
}

/** A page with its id, title, creator and a signed thumbnail URL: the seeded video, found and playable. */
function checkVideoBody(label, body) {
  const video = JSON.parse(body);
  if (!label.endsWith(video.id)) throw new Error(`${label} answered another video: ${body.slice(0, 200)}`);
  if (!video.title || !video.creatorHandle || !video.thumbnailUrl?.startsWith(PUBLIC_URL))
    throw new Error(`${label} lacks its title, creator or thumbnail: ${body.slice(0, 300)}`);
  return { series: Boolean(video.seriesId), bytes: Buffer.byteLength(body) };
}

/** The scenario as `bench http` runs it (see READ_SCENARIOS in http.bench.mjs). */
export const videoScenario = {
  name: 'video',
  route: 'GET /v1/catalog/videos/:id',
  describeData: (options) =>
    `${options.videos.toLocaleString('en-US')} published videos, ${options.readers} fans each opening one`,
  baselineScript: new URL('./video-baseline-server.mjs', import.meta.url),
  serverEnv: { PUBLIC_URL },
  seed: seedVideos,
  buildRequests: buildVideoRequests,
  checkBody: checkVideoBody,
  // Signed URLs expire `now + ttl` in whole seconds: two answers a second apart differ there and nowhere else.
  comparable: (body) => body.replace(/exp=\d+&sig=[\w-]+/g, 'exp=…&sig=…'),
};
