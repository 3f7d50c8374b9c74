// The world a fan session runs in, seeded straight into PostgreSQL as each context's own projections would have
// written it: creators with channels and published, playable videos (studio), the catalog search index, fans
// following creators with their feed inboxes and notifications (engagement), and insights' copy of the catalogue.
// Deterministic: the same options give the same rows.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { generateVideos } from '../search/catalog-data.mjs';
import { prng } from '../http/people-data.mjs';
import { importSource } from '../lib/services.mjs';

export const INDEX_PREFIX = 'bench';
const INBOX_CAP = 800; // the app's FEED_INBOX_CAP
const BATCH = 2_000;

/** A stable UUID (version-4 layout) for `name`: the same run options give the same ids. */
export function stableId(name) {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Seeds everything and returns what the request mix needs: fans (ids), videos (id, tier, popularity), the
 * busiest creator's handle and the categories. The catalog is the search benchmark's generator sized for
 * `creators` (50 videos each on average), cut to its first `videos` videos, so every creator keeps some.
 */
export async function seedWorld(databaseUrl, options, log) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const started = performance.now();
    const generated = generateVideos(options.creators * 50, options.seed).videos.slice(0, options.videos);
    const creators = creatorsOf(generated);
    await seedStudio(pool, generated, creators);
    await seedCatalogIndex(pool, generated);
    const fans = Array.from({ length: options.fans }, (_, i) => ({
      userId: stableId(`fan:${options.seed}:${i}`),
      handle: `fan${String(i).padStart(5, '0')}`,
    }));
    await seedEngagement(pool, generated, creators, fans, options);
    await seedInsights(pool, generated, creators);
    await pool.query('vacuum analyze');
    const counts = (
      await pool.query(`select
        (select count(*)::int from engagement.follows) as follows,
        (select count(*)::int from engagement.feed_inbox) as inbox,
        (select count(*)::int from engagement.notifications) as notifications,
        (select pg_size_pretty(pg_database_size(current_database()))) as size`)
    ).rows[0];
    log(
      `  ${generated.length.toLocaleString('en-US')} published videos by ${creators.size.toLocaleString('en-US')} creators, ` +
        `${fans.length.toLocaleString('en-US')} fans, ${counts.follows.toLocaleString('en-US')} follows, ` +
        `${counts.inbox.toLocaleString('en-US')} feed inbox rows, ${counts.notifications.toLocaleString('en-US')} notifications; ` +
        `database ${counts.size}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const busiest = [...creators.values()].sort((a, b) => b.videos - a.videos)[0];
    return {
      fans,
      videos: generated.map(({ id, body }) => ({
        id,
        tier: body.tier,
        popularity: body.popularity,
        title: body.title,
        publishedAt: body.publishedAt,
      })),
      categories: [...new Set(generated.map(({ body }) => body.category))],
      topCreatorHandle: busiest.handle,
      creators: creators.size,
      counts,
    };
  } finally {
    await pool.end();
  }
}

/** The creators of generated videos, with their channel and how many of the videos are theirs. */
export function creatorsOf(videos) {
  const creators = new Map();
  for (const { body } of videos) {
    const creator = creators.get(body.creatorId) ?? {
      id: body.creatorId,
      handle: body.creatorHandle,
      name: body.creatorName,
      channelId: body.channelId,
      channelName: body.channelName,
      videos: 0,
    };
    creator.videos += 1;
    creators.set(body.creatorId, creator);
  }
  return creators;
}

/**
 * Inserts `rows` in batches through one unnest per column. `columns` are [name, type] pairs, or
 * [name, type, expression] where the expression turns the unnested value `{v}` into the column's value, or
 * [name, null, constant] for a value every row shares; `rows` hold one value per column with a type.
 */
async function insertRows(pool, table, columns, rows) {
  const fed = columns.filter(([, type]) => type !== null);
  const unnest = fed.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
  const aliases = fed.map((_, c) => `c${c}`);
  let next = 0;
  const select = columns
    .map(([, type, expression]) => {
      if (type === null) return expression;
      const alias = aliases[next++];
      return expression ? expression.replaceAll('{v}', alias) : alias;
    })
    .join(', ');
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const batch = rows.slice(offset, offset + BATCH);
    await pool.query(
      `insert into ${table} (${columns.map(([name]) => name).join(', ')})
       select ${select} from unnest(${unnest}) as u(${aliases.join(', ')})`,
      fed.map((_, c) => batch.map((row) => row[c])),
    );
  }
}

/** Studio: creators, channels (owner as the only member), series, published videos with ready media, counts. */
export async function seedStudio(pool, videos, creators) {
  const since = '2024-12-01T00:00:00Z';
  const list = [...creators.values()];
  await insertRows(
    pool,
    'studio.people',
    [
      ['user_id', 'uuid'],
      ['handle', 'text'],
      ['display_name', 'text'],
    ],
    list.map((c) => [c.id, c.handle, c.name]),
  );
  await insertRows(
    pool,
    'studio.channels',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['owner_id', 'uuid'],
      ['members', 'jsonb'],
      ['description', null, `''`],
      ['email_invitations', null, `'[]'::jsonb`],
      ['created_at', null, `'${since}'::timestamptz`],
      ['updated_at', null, `'${since}'::timestamptz`],
    ],
    list.map((c) => [
      c.channelId,
      c.channelName,
      c.id,
      JSON.stringify([
        { userId: c.id, role: 'owner', status: 'active', invitedBy: null, invitedAt: since, joinedAt: since },
      ]),
    ]),
  );
  const series = new Map();
  for (const { body } of videos) if (body.seriesId) series.set(body.seriesId, body);
  await insertRows(
    pool,
    'studio.series',
    [
      ['id', 'uuid'],
      ['channel_id', 'uuid'],
      ['title', 'text'],
      ['description', null, `''`],
      ['created_at', null, `'${since}'::timestamptz`],
    ],
    [...series.values()].map((b) => [b.seriesId, b.channelId, b.seriesTitle]),
  );
  const assetOf = (videoId) => stableId(`asset:${videoId}`);
  await insertRows(
    pool,
    'studio.videos',
    [
      ['id', 'uuid'],
      ['channel_id', 'uuid'],
      ['created_by', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['tags', 'jsonb', 'array(select jsonb_array_elements_text({v}))'],
      ['category', 'text'],
      ['language', 'text'],
      ['access_level', 'text'],
      ['early_access_days', 'int'],
      ['series_id', 'uuid'],
      ['season', 'int'],
      ['episode', 'int'],
      ['asset_id', 'text'],
      ['duration_seconds', 'float8'],
      ['published_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['state', null, `'published'`],
      ['processing_percent', null, '100'],
      ['collection_ids', null, `'{}'::uuid[]`],
      ['captions', null, `'[]'::jsonb`],
    ],
    videos.map(({ id, body }) => [
      id,
      body.channelId,
      body.creatorId,
      body.title,
      body.description,
      JSON.stringify(body.tags),
      body.category,
      body.language,
      body.tier,
      body.earlyAccessDays,
      body.seriesId || null,
      body.season,
      body.episode,
      assetOf(id),
      body.durationSeconds,
      body.publishedAt,
      body.publishedAt,
      body.publishedAt,
    ]),
  );
  await insertRows(
    pool,
    'studio.media_assets',
    [
      ['id', 'uuid'],
      ['upload_id', 'uuid'],
      ['channel_id', 'uuid'],
      ['video_id', 'uuid'],
      ['source_key', 'text'],
      ['duration_seconds', 'float8'],
      ['hls_prefix', 'text'],
      ['thumbnails', 'jsonb'],
      ['preview_key', 'text'],
      ['state', null, `'ready'`],
      ['percent', null, '100'],
      ['width', null, '1280'],
      ['height', null, '720'],
      ['has_audio', null, 'true'],
      [
        'renditions',
        null,
        `'${JSON.stringify([
          { name: '360p', width: 640, height: 360, bitrateKbps: 800 },
          { name: '720p', width: 1280, height: 720, bitrateKbps: 2_800 },
        ])}'::jsonb`,
      ],
      ['chosen_thumbnail', null, '0'],
    ],
    videos.map(({ id, body }) => {
      const asset = assetOf(id);
      const upload = stableId(`upload:${id}`);
      return [
        asset,
        upload,
        body.channelId,
        id,
        `uploads/${upload}/source`,
        body.durationSeconds,
        `assets/${asset}/hls`,
        JSON.stringify([0, 1, 2].map((n) => `assets/${asset}/thumbnails/${n}.jpg`)),
        `assets/${asset}/preview.jpg`,
      ];
    }),
  );
  await insertRows(
    pool,
    'studio.catalog_counts',
    [
      ['video_id', 'uuid'],
      ['views', 'int8'],
      ['likes', 'int8'],
      ['trending', 'float8'],
    ],
    videos.map(({ id, body }) => [id, body.views, body.likes, body.trending]),
  );
}

/** The catalog index through the PostgreSQL adapter, with the bodies studio's CatalogDocuments.of writes. */
async function seedCatalogIndex(pool, videos) {
  const [{ PostgresSearchIndex }, { CATALOG_INDEX }] = await Promise.all([
    importSource('libs/platform/src/search/postgres/postgres-search-index.ts'),
    importSource('libs/studio/src/application/catalog/catalog-index.ts'),
  ]);
  const index = new PostgresSearchIndex(pool, { indexPrefix: INDEX_PREFIX });
  await index.ensureIndex(CATALOG_INDEX);
  for (let offset = 0; offset < videos.length; offset += 500) {
    const result = await index.upsert(CATALOG_INDEX.name, videos.slice(offset, offset + 500));
    if (result.failed.length > 0) throw new Error(`indexing failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
  }
}

/**
 * Engagement: creators and fans in the people directory, the catalogue as watchable videos, follows (each fan
 * follows `follows` creators, popular ones more often), each fan's inbox as fan-out leaves it (the newest
 * INBOX_CAP videos of the creators followed) and `notifications` "new episode" notifications (the newest
 * inbox items, the older half read).
 */
async function seedEngagement(pool, videos, creators, fans, options) {
  const people = [
    ...[...creators.values()].map((c) => [c.id, c.handle, c.name, null]),
    ...fans.map((f) => [f.userId, f.handle, `Fan ${f.handle.slice(3)}`, `${f.handle}@bench.test`]),
  ];
  await insertRows(
    pool,
    'engagement.people',
    [
      ['user_id', 'uuid'],
      ['handle', 'text'],
      ['display_name', 'text'],
      ['email', 'text'],
    ],
    people,
  );
  await insertRows(
    pool,
    'engagement.watchable_videos',
    [
      ['video_id', 'uuid'],
      ['channel_id', 'uuid'],
      ['creator_id', 'uuid'],
      ['title', 'text'],
      ['access_level', 'text'],
      ['early_access_days', 'int'],
      ['published_at', 'timestamptz'],
      ['duration_seconds', 'float8'],
      ['status', null, `'published'`],
      ['studio_version', null, '1'],
    ],
    videos.map(({ id, body }) => [
      id,
      body.channelId,
      body.creatorId,
      body.title,
      body.tier,
      body.earlyAccessDays,
      body.publishedAt,
      body.durationSeconds,
    ]),
  );
  // Creators with more videos draw more followers (weights ∝ videos), deterministic per seed.
  const random = prng(options.seed + 1);
  const list = [...creators.values()];
  const cumulative = [];
  let total = 0;
  for (const creator of list) cumulative.push((total += creator.videos));
  const pickCreator = () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return list[lo];
  };
  const follows = [];
  const perFan = Math.min(options.follows, list.length);
  for (const fan of fans) {
    const chosen = new Set();
    while (chosen.size < perFan) chosen.add(pickCreator().id);
    for (const creatorId of chosen)
      follows.push([stableId(`follow:${fan.userId}:${creatorId}`), fan.userId, creatorId]);
  }
  // The fans who open conversations are followed by their recipients: new accounts may only message followers.
  for (let n = 0; n < options.conversations; n++) {
    const [sender, recipient] = [fans[2 * n].userId, fans[2 * n + 1].userId];
    follows.push([stableId(`follow:${recipient}:${sender}`), recipient, sender]);
  }
  await insertRows(
    pool,
    'engagement.follows',
    [
      ['id', 'uuid'],
      ['follower_id', 'uuid'],
      ['followee_id', 'uuid'],
      ['followed_at', null, `'2025-06-01T00:00:00Z'::timestamptz`],
    ],
    follows,
  );
  await pool.query(
    `insert into engagement.feed_inbox (user_id, item_type, item_id, author_id, published_at)
     select follower_id, 'video', video_id, creator_id, published_at from (
       select f.follower_id, w.video_id, w.creator_id, w.published_at,
              row_number() over (partition by f.follower_id order by w.published_at desc, w.video_id desc) as n
         from engagement.follows f join engagement.watchable_videos w on w.creator_id = f.followee_id) items
      where n <= $1`,
    [INBOX_CAP],
  );
  await pool.query(
    `insert into engagement.notifications
       (id, user_id, type, count, actor_ids, subject_id, data, group_key, read_at, created_at, updated_at)
     select md5(i.user_id::text || i.item_id::text)::uuid, i.user_id, 'episode.published', 1, array[i.author_id],
            i.item_id::text,
            jsonb_build_object('videoId', w.video_id, 'channelId', w.channel_id, 'title', w.title, 'accessLevel', w.access_level),
            null, case when i.n > $1 / 2 then i.published_at + interval '1 hour' end, i.published_at, i.published_at
       from (select user_id, item_id, author_id, published_at,
                    row_number() over (partition by user_id order by published_at desc) as n
               from engagement.feed_inbox) i
       join engagement.watchable_videos w on w.video_id = i.item_id
      where i.n <= $1`,
    [options.notifications],
  );
}

/** Insights' copy of the catalogue and channel owners (from studio's published events). */
async function seedInsights(pool, videos, creators) {
  await insertRows(
    pool,
    'insights.channels',
    [
      ['channel_id', 'uuid'],
      ['owner_id', 'uuid'],
      ['created_at', null, `'2024-12-01T00:00:00Z'::timestamptz`],
    ],
    [...creators.values()].map((c) => [c.channelId, c.id]),
  );
  await insertRows(
    pool,
    'insights.videos',
    [
      ['video_id', 'uuid'],
      ['channel_id', 'uuid'],
      ['creator_id', 'uuid'],
      ['title', 'text'],
      ['duration_seconds', 'float4'],
      ['published_at', 'timestamptz'],
    ],
    videos.map(({ id, body }) => [
      id,
      body.channelId,
      body.creatorId,
      body.title,
      body.durationSeconds,
      body.publishedAt,
    ]),
  );
}
