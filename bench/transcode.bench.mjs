// `npm run bench -- transcode`: N small clips through the studio media pipeline in the real worker
// (Bull jobs per step, PostgreSQL state, storage, ffmpeg children) vs the same ffmpeg commands run
// directly one after another, same clips, same machine, same run. See bench/README.md.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Queue from 'bull';
import pg from 'pg';
import { cpuLayout, describeMachine, onCleanup, pinThisProcess, startChild } from './lib/processes.mjs';
import { importSource, startServices } from './lib/services.mjs';
import { coefficientOfVariation, median } from './lib/stats.mjs';
import { fixed, percent, signed, table, writeResults } from './lib/report.mjs';
import { numberReader } from './lib/cli.mjs';

export const description =
  'studio media pipeline (worker, Bull, ffmpeg) vs the same ffmpeg commands run directly, clips/s';

export const usage = `Options:
  --clips N        clips per round (default 6; --quick 2)
  --seconds S      length of each clip (default 4; --quick 2)
  --size WxH       source size (default 1280x720: a 360p + 720p ladder)
  --rounds N       measured rounds per side, interleaved B,C,B,C… (default 3; --quick 1)
  --quick          smoke run: 2 clips of 2 s, one round each
  --no-pin         do not pin the worker and the baseline's ffmpeg to core 0 (services on core 1)
  --no-build       reuse dist/apps/worker/main.js instead of running \`nest build worker\``;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const PREFIX = 'benchmedia';
const RATIO_TARGET = 0.8; // queueing, bookkeeping and storage moves should cost little next to ffmpeg itself
const CV_LIMIT = 0.1;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      clips: { type: 'string' },
      seconds: { type: 'string' },
      size: { type: 'string', default: '1280x720' },
      rounds: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const number = numberReader(values);
  const [width, height] = values.size.split('x').map(Number);
  if (!(width >= 64 && height >= 64)) throw new Error('--size must be WxH, e.g. 1280x720');
  const quick = values.quick;
  return {
    clips: number('clips', quick ? 2 : 6, 1),
    seconds: number('seconds', quick ? 2 : 4, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    width,
    height,
    pin: !values['no-pin'],
    build: !values['no-build'],
  };
}

const step = (message) => console.log(`\n▸ ${message}`);

export async function run(argv) {
  const options = parseOptions(argv);
  const machine = describeMachine();
  const layout = cpuLayout(options.pin);
  if (layout.pinned) pinThisProcess(layout.loadCore);
  console.log(
    `transcode benchmark: ${options.clips} clips of ${options.seconds} s at ${options.width}x${options.height}, ${options.rounds} round(s) per side`,
  );
  console.log(
    layout.pinned
      ? `pinning: worker and baseline ffmpeg on core ${layout.serverCore}; PostgreSQL, Redis and this runner on core ${layout.loadCore}`
      : `pinning: off (${layout.reason})`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  if (options.build) {
    step('building the worker (nest build worker)');
    const built = spawnSync('nest', ['build', 'worker'], { cwd: ROOT, env, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`nest build worker failed:\n${built.stdout}${built.stderr}`);
  }

  const work = mkdtempSync(join(tmpdir(), 'showrunner-transcode-'));
  onCleanup('remove clips and outputs', async () => rmSync(work, { recursive: true, force: true }));
  step(`making ${options.clips} clips with ffmpeg lavfi`);
  const clips = Array.from({ length: options.clips }, (_, i) => makeClip(join(work, `clip-${i}.mp4`), options, i));

  step('starting embedded PostgreSQL and redis-server, migrating');
  const services = await startServices({ database: 'showrunner_bench_transcode' });
  const dataDir = join(services.root, 'worker-data');

  // The exact argument lists the pipeline uses, loaded from its source (no decorators in these modules).
  const [{ hlsArguments, stillsArguments, PROBE_ARGUMENTS }, { renditionLadder }] = await Promise.all([
    importSource('libs/studio/src/infrastructure/media/ffmpeg-media-tools.ts'),
    importSource('libs/studio/src/domain/media/media-probe.ts'),
  ]);
  const ladder = renditionLadder({ width: options.width, height: options.height });
  console.log(`ladder: ${ladder.map((r) => r.name).join(' + ')}, 3 thumbnails + preview per clip`);

  step('starting the worker');
  const worker = startChild('worker', process.execPath, ['dist/apps/worker/main.js'], {
    cwd: ROOT,
    core: layout.pinned ? layout.serverCore : undefined,
    env: {
      ...env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: PREFIX,
      JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
      DATA_DIR: dataDir,
      MEDIA_FFMPEG_CONCURRENCY: '1',
    },
  });
  const db = new pg.Client({ connectionString: services.databaseUrl });
  await db.connect();
  onCleanup('close the database client', () => db.end());
  const probeQueue = new Queue('studio.media-probe', services.redisUrl, { prefix: `${PREFIX}:bull` });
  onCleanup('close the queue client', () => probeQueue.close());

  /** Candidate: each clip as an accepted upload + queued asset, the probe job added, until every asset is ready. */
  const candidate = async () => {
    const ids = [];
    for (const clip of clips) {
      const uploadId = randomUUID();
      const assetId = randomUUID();
      const key = `uploads/${uploadId}/original`;
      mkdirSync(join(dataDir, 'media', 'uploads', uploadId), { recursive: true });
      copyFileSync(clip, join(dataDir, 'media', key));
      await db.query(
        `insert into studio.media_uploads (id, channel_id, user_id, filename, size, state, storage_key, checksum) values ($1, $2, $3, 'clip.mp4', 1, 'accepted', $4, $5)`,
        [uploadId, randomUUID(), randomUUID(), key, uploadId],
      );
      await db.query(
        `insert into studio.media_assets (id, upload_id, channel_id, video_id, source_key, step) values ($1, $2, $3, $4, $5, 'probe')`,
        [assetId, uploadId, randomUUID(), randomUUID(), key],
      );
      ids.push(assetId);
    }
    const started = performance.now();
    for (const assetId of ids) await probeQueue.add({ assetId, run: 1 }, { jobId: `${assetId}:1:probe` });
    for (;;) {
      if (worker.exitCode !== null) throw new Error(`the worker exited:\n${worker.output()}`);
      const { rows } = await db.query(`select state, error_code from studio.media_assets where id = any($1::uuid[])`, [
        ids,
      ]);
      const failed = rows.find((row) => row.state === 'failed');
      if (failed) throw new Error(`the pipeline failed a clip: ${failed.error_code}`);
      if (rows.filter((row) => row.state === 'ready').length === ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return (performance.now() - started) / 1000;
  };

  /** Baseline: the same ffprobe + ffmpeg commands, one after another, straight from this process. */
  const baseline = async () => {
    const out = join(work, `baseline-${randomUUID()}`);
    const started = performance.now();
    for (const [i, clip] of clips.entries()) {
      const dir = join(out, String(i));
      await ffmpeg('ffprobe', [...PROBE_ARGUMENTS, clip], layout);
      await ffmpeg('ffmpeg', hlsArguments({ path: clip, hasAudio: true }, ladder, join(dir, 'hls')), layout);
      mkdirSync(join(dir, 'stills'), { recursive: true });
      await ffmpeg(
        'ffmpeg',
        stillsArguments({ path: clip, durationSeconds: options.seconds }, 3, join(dir, 'stills')).args,
        layout,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    rmSync(out, { recursive: true, force: true });
    return seconds;
  };

  step('warm-up (discarded): one round each, which also waits for the worker to boot');
  await baseline();
  await candidate();

  step('measuring (interleaved)');
  const rounds = { baseline: [], candidate: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const [role, measure] of [
      ['baseline', baseline],
      ['candidate', candidate],
    ]) {
      const seconds = await measure();
      rounds[role].push(options.clips / seconds);
      console.log(
        `  round ${round}/${options.rounds}  ${role.padEnd(9)}  ${fixed(seconds, 2)} s  ${fixed(options.clips / seconds, 2)} clips/s`,
      );
    }
  }

  const ratios = rounds.candidate.map((c, i) => c / rounds.baseline[i]);
  const summary = {
    baseline: median(rounds.baseline),
    candidate: median(rounds.candidate),
    ratio: median(ratios),
    cv: { baseline: coefficientOfVariation(rounds.baseline), candidate: coefficientOfVariation(rounds.candidate) },
  };
  console.log(
    `\n${table([
      ['', 'baseline (bare ffmpeg)', 'candidate (pipeline)', 'candidate vs baseline'],
      [
        'clips/s (median)',
        fixed(summary.baseline, 3),
        fixed(summary.candidate, 3),
        `${fixed(summary.ratio, 2)}× (target ≥ ${RATIO_TARGET})`,
      ],
      [
        'seconds per clip',
        fixed(1 / summary.baseline, 2),
        fixed(1 / summary.candidate, 2),
        `${signed(1 / summary.candidate - 1 / summary.baseline, 2)} s`,
      ],
      ['CV of clips/s', percent(summary.cv.baseline), percent(summary.cv.candidate), ''],
    ])}`,
  );
  const warnings = [];
  if (summary.cv.baseline > CV_LIMIT || summary.cv.candidate > CV_LIMIT)
    warnings.push('rounds vary by more than 10%: rerun on a quieter machine');
  for (const warning of warnings) console.log(`WARNING: ${warning}`);
  const file = writeResults('transcode', {
    machine,
    options,
    layout,
    ladder: ladder.map((r) => r.name),
    rounds,
    summary,
    warnings,
  });
  console.log(`\nresults: ${file}`);
  return summary.ratio >= RATIO_TARGET ? 0 : 2;
}

function makeClip(path, { width, height, seconds }, i) {
  // A different test pattern per clip: identical inputs would let caches flatter either side.
  const sources = ['testsrc2', 'smptebars', 'rgbtestsrc', 'testsrc', 'smptehdbars', 'yuvtestsrc'];
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `${sources[i % sources.length]}=size=${width}x${height}:rate=30:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${220 + i * 110}:duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    path,
  ]);
  return path;
}

function ffmpeg(binary, args, layout) {
  const [file, argv] = layout.pinned ? ['taskset', ['-c', String(layout.serverCore), binary, ...args]] : [binary, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${binary} failed (${code}): ${stderr.slice(-500)}`)),
    );
  });
}
