import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import {
  evaluateOffline,
  formatInteractions,
  formatVideos,
  generateSyntheticLog,
  parseInteractions,
  parseVideos,
  type EvaluationReport,
} from '@lib/engagement';

export interface RecsOptions {
  log?: string;
  videos?: string;
  out?: string;
  seed?: string;
  people?: string;
  catalog?: string;
  k?: string;
  split?: string;
  at?: string;
}

/** Leave-last-out (or time-split) evaluation of the five strategies on an interaction log (and its videos' features). */
export async function recsEvaluate(options: RecsOptions): Promise<void> {
  if (!options.log)
    throw new Error('recs:evaluate needs --log <interactions.csv> (and, better, --videos <videos.csv>)');
  const split = options.split ?? 'leave-last-out';
  if (split !== 'leave-last-out' && split !== 'time')
    throw new Error(`--split must be leave-last-out or time (got '${split}')`);
  const splitAt = options.at === undefined ? undefined : new Date(options.at);
  if (splitAt && Number.isNaN(splitAt.getTime())) throw new Error(`--at must be a date (got '${options.at}')`);
  if (splitAt && split !== 'time') throw new Error('--at goes with --split time');
  const { signals, follows } = parseInteractions(await readFile(options.log, 'utf8'), options.log);
  const videos = options.videos ? parseVideos(await readFile(options.videos, 'utf8'), options.videos) : [];
  if (!options.videos) console.log('No --videos file: content similarity and diversity know nothing of the videos.');
  const bar = new SingleBar(
    { format: 'evaluating |{bar}| {value}/{total} people, {step}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1, 0, { step: 'reading' });
  let report: EvaluationReport;
  try {
    report = evaluateOffline(
      { signals, follows, videos },
      {
        split,
        splitAt,
        k: whole(options.k, 10, '--k'),
        seed: whole(options.seed, 1, '--seed', 0),
        onProgress: (done, total, step) => {
          bar.setTotal(Math.max(1, total));
          bar.update(done, { step });
        },
      },
    );
  } finally {
    bar.stop();
  }
  printReport(report);
}

/** Writes a seeded synthetic log with a planted structure: interactions.csv and videos.csv. */
export async function recsGenerateLog(options: RecsOptions): Promise<void> {
  if (!options.out) throw new Error('recs:generate-log needs --out <directory>');
  const seed = whole(options.seed, 1, '--seed', 0);
  const log = generateSyntheticLog({
    seed,
    people: whole(options.people, 1_500, '--people'),
    videos: whole(options.catalog, 1_200, '--catalog'),
  });
  await mkdir(options.out, { recursive: true });
  const [interactions, videos] = [join(options.out, 'interactions.csv'), join(options.out, 'videos.csv')];
  await writeFile(interactions, formatInteractions(log));
  await writeFile(videos, formatVideos(log.videos));
  console.log(
    `Seed ${seed}: ${log.signals.length} interactions and ${log.follows.length} follows of ${new Set(log.signals.map((s) => s.personId)).size} people → ${interactions}; ${log.videos.length} videos → ${videos}`,
  );
}

function printReport(report: EvaluationReport): void {
  const method = report.splitAt ? `Time split at ${report.splitAt.toISOString()}` : 'Leave-last-out';
  console.log(
    `${method}, top ${report.k}: ${report.evaluated} of ${report.people} people evaluated, ${report.videos} videos, ${report.interactions} interactions.`,
  );
  const digits = (value: number) => value.toFixed(4);
  console.table(
    report.strategies.map((row) => ({
      strategy: row.strategy,
      [`HR@${report.k}`]: digits(row.hitRate),
      [`NDCG@${report.k}`]: digits(row.ndcg),
      coverage: digits(row.coverage),
      'diversity (creators)': digits(row.creatorDiversity),
      'diversity (categories)': digits(row.categoryDiversity),
    })),
  );
  const hybrid = report.strategies.find((row) => row.strategy === 'hybrid');
  const popularity = report.strategies.find((row) => row.strategy === 'popularity');
  if (hybrid && popularity && popularity.ndcg > 0)
    console.log(
      `Hybrid's NDCG@${report.k} is ${(hybrid.ndcg / popularity.ndcg).toFixed(2)} × popularity's (the target is ≥ 1.20).`,
    );
}

function whole(value: string | undefined, fallback: number, flag: string, min = 1): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new Error(`${flag} must be a whole number ≥ ${min} (got '${value}')`);
  return number;
}
