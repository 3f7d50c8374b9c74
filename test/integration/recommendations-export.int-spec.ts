import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { evaluateOffline, parseInteractions, parseVideos } from '@lib/engagement';
import { createTestDatabase, type TestDatabase } from '@lib/platform/testing';

// pg-copy-streams ships no types; only `to` is used.
const { to: copyTo } = createRequire(import.meta.url)('pg-copy-streams') as { to: (sql: string) => pg.Submittable };

/**
 * The export scripts the engagement README gives for `recs:evaluate` (docs/recommendations/*.sql), run
 * on a migrated database as psql would (its `\if` lines dropped, `:days` substituted): what they write
 * must be what the evaluation reads.
 */
describe('exporting an interaction log from insights and studio', () => {
  let database: TestDatabase;
  let db: pg.Client;
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const now = Date.now();
  const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

  async function exported(file: string, days = 90): Promise<string> {
    const script = await readFile(new URL(`../../docs/recommendations/${file}`, import.meta.url), 'utf8');
    const sql = script
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('\\') && !line.trimStart().startsWith('--'))
      .join('\n')
      .replace(/:days\b/g, String(days))
      .replace(/;\s*$/, '');
    let text = '';
    for await (const chunk of db.query(copyTo(sql)) as unknown as Readable) text += String(chunk);
    return text;
  }

  async function event(
    name: string,
    user: number,
    video: number | null,
    at: Date,
    extra: { properties?: object; seconds?: number; channel?: number } = {},
  ): Promise<void> {
    await db.query(
      `insert into insights.events (event_id, occurred_at, received_at, name, source, user_id, video_id, channel_id, properties, watch_seconds)
       values (gen_random_uuid(), $1, now(), $2, 'domain', $3, $4, $5, $6, $7)`,
      [
        at,
        name,
        id(user),
        video ? id(100 + video) : null,
        id(extra.channel ?? 900),
        extra.properties ?? {},
        extra.seconds ?? null,
      ],
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await db.query(`select insights.ensure_partitions(current_date - 200, current_date + 1)`);
    await db.query(
      `insert into studio.channels (id, name, description, owner_id, members, email_invitations, created_at, updated_at)
       values ($1, 'Kitchen', '', $2, '[]', '[]', now(), now())`,
      [id(900), id(901)],
    );
    for (const [n, state] of [
      [1, 'published'],
      [2, 'published'],
      [3, 'published'],
      [4, 'draft'],
    ] as const)
      await db.query(
        `insert into studio.videos (id, channel_id, created_by, title, description, tags, category, language,
                                    collection_ids, captions, state, duration_seconds, published_at, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, 'cooking', 'en', '{}', '[]', $7, 600, now() - interval '10 days', now(), now())`,
        [id(100 + n), id(900), id(901), `Pasta ${n}`, 'Fresh, "quick"\nand cheap', ['pasta', 'italian'], state],
      );
    await event('like', 1, 1, minutesAgo(50));
    await event('like', 1, 2, minutesAgo(49));
    await event('unlike', 1, 2, minutesAgo(48));
    await event('rating', 1, 3, minutesAgo(47), { properties: { stars: 5, previousStars: null } });
    await event('watch_time', 1, 3, minutesAgo(46), { seconds: 20 });
    await event('watch_time', 1, 3, minutesAgo(45), { seconds: 25 });
    await event('watch_time', 2, 2, minutesAgo(45), { seconds: 10 });
    await event('completion', 1, 3, minutesAgo(44), { properties: { watchedSeconds: 600 } });
    await event('comment', 2, 1, minutesAgo(43), { properties: { commentId: 'c1', reply: false } });
    await event('follow', 2, null, minutesAgo(42), { channel: 901 });
    await event('like', 2, 3, minutesAgo(41));
    await event('like', 2, 1, minutesAgo(60 * 24 * 150));
    // An anonymous viewer's player events (POST /v1/events), and a signed-in one's that the facts repeat.
    const player = (
      name: string,
      viewer: string,
      user: string | null,
      video: number,
      at: Date,
      seconds: number | null,
    ) =>
      db.query(
        `insert into insights.events (event_id, occurred_at, received_at, name, source, session_id, user_id, viewer_key, video_id, watch_seconds)
         values (gen_random_uuid(), $1, now(), $2, 'client', 'abc', $3, $4, $5, $6)`,
        [at, name, user, viewer, id(100 + video), seconds],
      );
    await player('video_start', 's:abc', null, 2, minutesAgo(30), null);
    await player('video_progress', 's:abc', null, 2, minutesAgo(29), 20);
    await player('video_progress', 's:abc', null, 2, minutesAgo(28), 20);
    await player('video_complete', 's:abc', null, 2, minutesAgo(27), null);
    await player('video_complete', id(1), id(1), 1, minutesAgo(26), null);
  });

  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  it('writes the interactions the evaluation reads: kinds, values, follows; withdrawn likes and old facts left out', async () => {
    const { signals, follows } = parseInteractions(await exported('export-interactions.sql'));
    const short = (n: string) => n.slice(-3);
    expect(signals.map((s) => [short(s.personId), short(s.videoId), s.kind, s.value, s.at.getTime()])).toEqual([
      ['001', '101', 'like', 1, minutesAgo(50).getTime()],
      ['001', '103', 'rating', 5, minutesAgo(47).getTime()],
      ['001', '103', 'view', 1, minutesAgo(46).getTime()],
      ['001', '103', 'watch_time', 45, minutesAgo(45).getTime()],
      ['002', '102', 'watch_time', 10, minutesAgo(45).getTime()],
      ['001', '103', 'completion', 1, minutesAgo(44).getTime()],
      ['002', '101', 'comment', 1, minutesAgo(43).getTime()],
      ['002', '103', 'like', 1, minutesAgo(41).getTime()],
      ['abc', '102', 'view', 1, minutesAgo(29).getTime()],
      ['abc', '102', 'watch_time', 40, minutesAgo(28).getTime()],
      ['abc', '102', 'completion', 1, minutesAgo(27).getTime()],
    ]);
    expect(signals.filter((s) => s.personId === 's:abc')).toHaveLength(3);
    expect(follows).toEqual([{ personId: id(2), creatorId: id(901), at: minutesAgo(42) }]);
    expect(parseInteractions(await exported('export-interactions.sql', 200)).signals).toHaveLength(12);
  });

  it('writes the published videos with their features, and the evaluation runs on both files', async () => {
    const videos = parseVideos(await exported('export-videos.sql'));
    expect(videos.map((video) => video.videoId)).toEqual([id(101), id(102), id(103)]);
    expect(videos[0]).toMatchObject({
      creatorId: id(901),
      category: 'cooking',
      language: 'en',
      tags: ['pasta', 'italian'],
      seriesId: null,
      durationSeconds: 600,
      title: 'Pasta 1',
      description: 'Fresh, "quick"\nand cheap',
    });
    const report = evaluateOffline(
      { ...parseInteractions(await exported('export-interactions.sql')), videos },
      { minHistory: 2 },
    );
    expect(report).toMatchObject({ people: 3, evaluated: 2, videos: 3 });
  });
});
