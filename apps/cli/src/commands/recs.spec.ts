import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { recsEvaluate, recsGenerateLog } from './recs.js';

describe('recs:generate-log and recs:evaluate', () => {
  let dir: string;
  let printed: string[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recs-'));
    printed = [];
    const print = (...args: unknown[]) => printed.push(args.map(String).join(' '));
    jest.spyOn(console, 'log').mockImplementation(print);
    jest.spyOn(console, 'table').mockImplementation((rows: unknown) => printed.push(JSON.stringify(rows)));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a seeded log that the evaluation reads back and scores for the five strategies', async () => {
    await recsGenerateLog({ out: dir, seed: '4', people: '80', catalog: '90' });
    const interactions = await readFile(join(dir, 'interactions.csv'), 'utf8');
    expect(interactions.split('\n')[0]).toBe('person_id,video_id,kind,value,at,creator_id');
    await recsGenerateLog({ out: join(dir, 'again'), seed: '4', people: '80', catalog: '90' });
    expect(await readFile(join(dir, 'again', 'interactions.csv'), 'utf8')).toBe(interactions);

    expect(printed[0]).toMatch(
      /^Seed 4: \d+ interactions and \d+ follows of 80 people → .*interactions\.csv; 90 videos/,
    );
    printed = [];
    await recsEvaluate({ log: join(dir, 'interactions.csv'), videos: join(dir, 'videos.csv') });
    expect(printed[0]).toMatch(/^Leave-last-out, top 10: \d+ of 80 people evaluated, 90 videos/);
    const table = JSON.parse(printed[1]) as Array<Record<string, string>>;
    expect(table.map((row) => row.strategy)).toEqual(['random', 'popularity', 'item-cf', 'content', 'hybrid']);
    expect(Object.keys(table[0])).toEqual([
      'strategy',
      'HR@10',
      'NDCG@10',
      'coverage',
      'diversity (creators)',
      'diversity (categories)',
    ]);
    expect(printed[2]).toMatch(/^Hybrid's NDCG@10 is \d+\.\d\d × popularity's \(the target is ≥ 1\.20\)\.$/);
  });

  it('evaluates a log without a videos file, saying what that costs', async () => {
    await writeFile(
      join(dir, 'log.csv'),
      [
        'person_id,video_id,kind,value,at',
        ...['a', 'b', 'c', 'd'].map((v, i) => `ann,${v},like,1,2026-12-01T10:0${i}:00Z`),
      ].join('\n'),
    );
    await recsEvaluate({ log: join(dir, 'log.csv'), k: '5' });
    expect(printed[0]).toContain('No --videos file');
    expect(printed[1]).toBe('Leave-last-out, top 5: 1 of 1 people evaluated, 4 videos, 4 interactions.');
    printed = [];
    await recsEvaluate({ log: join(dir, 'log.csv'), split: 'time', at: '2026-12-01T10:01:30Z' });
    expect(printed[1]).toBe(
      'Time split at 2026-12-01T10:01:30.000Z, top 10: 1 of 1 people evaluated, 4 videos, 4 interactions.',
    );
  });

  it('refuses missing or bad options and bad files with a message naming them', async () => {
    await expect(recsEvaluate({})).rejects.toThrow('recs:evaluate needs --log');
    await expect(recsGenerateLog({})).rejects.toThrow('recs:generate-log needs --out');
    await expect(recsGenerateLog({ out: dir, people: '0' })).rejects.toThrow(
      "--people must be a whole number ≥ 1 (got '0')",
    );
    await expect(recsGenerateLog({ out: dir, seed: '1.5' })).rejects.toThrow('--seed must be a whole number ≥ 0');
    await expect(recsEvaluate({ log: 'x.csv', split: 'random' })).rejects.toThrow(
      "--split must be leave-last-out or time (got 'random')",
    );
    await expect(recsEvaluate({ log: 'x.csv', split: 'time', at: 'soon' })).rejects.toThrow(
      "--at must be a date (got 'soon')",
    );
    await expect(recsEvaluate({ log: 'x.csv', at: '2026-12-01' })).rejects.toThrow('--at goes with --split time');
    await writeFile(join(dir, 'bad.csv'), 'person_id,video_id,kind,value,at\nann,v1,poke,1,2026-12-01T10:00:00Z\n');
    await expect(recsEvaluate({ log: join(dir, 'bad.csv') })).rejects.toThrow(
      `${join(dir, 'bad.csv')}, line 2: unknown kind 'poke'`,
    );
    await expect(recsEvaluate({ log: join(dir, 'missing.csv') })).rejects.toThrow('ENOENT');
  });
});
