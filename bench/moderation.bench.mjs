// `npm run bench -- moderation`: the whole screening check vs the profanity library alone, on the same 500-character texts.
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { step } from './lib/cli.mjs';
import { onCleanup } from './lib/processes.mjs';
import { fixed, table, thousands, writeResults } from './lib/report.mjs';
import { importSource } from './lib/services.mjs';
import { median, percentile } from './lib/stats.mjs';

export const description = 'screening a 500-character text (all signals) vs the obscenity matcher alone';
export const usage = `  --texts <n>    distinct texts per round (default 2000)
  --rounds <n>   interleaved rounds per side (default 5)
  --quick        500 texts, 3 rounds`;

const TEXT_LENGTH = 500;

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { texts: { type: 'string' }, rounds: { type: 'string' }, quick: { type: 'boolean' } },
  });
  const textCount = Number(values.texts ?? (values.quick ? 500 : 2_000));
  const rounds = Number(values.rounds ?? (values.quick ? 3 : 5));

  step('starting redis-server (the repetition counter is real)');
  const { startRedisServer } = await importSource('libs/platform/src/runtime/redis-server.ts');
  const redisServer = await startRedisServer({ detached: true });
  onCleanup('stop Redis', () => redisServer.stop());
  const redis = new Redis(redisServer.url);
  onCleanup('close the Redis client', () => redis.quit());

  step('loading the screening and training the spam model on the SpamAssassin corpus');
  const [{ ContentScreener }, { CurrentPolicy }, { RedisRepetitionCounter }, { DEFAULT_POLICY }, spam, corpusModule] =
    await Promise.all([
      importSource('libs/trust-safety/src/application/screening/content-screener.ts'),
      importSource('libs/trust-safety/src/application/policy/current-policy.ts'),
      importSource('libs/trust-safety/src/infrastructure/screening/redis-repetition-counter.ts'),
      importSource('libs/trust-safety/src/domain/policy/moderation-policy.ts'),
      importSource('libs/trust-safety/src/application/spam/naive-bayes-spam-classifier.ts'),
      importSource('libs/trust-safety/src/infrastructure/spam/spam-assassin-corpus.ts'),
    ]);
  const { isHeldOut } = await importSource('libs/trust-safety/src/application/spam/spam-corpus.ts');
  const corpus = await new corpusModule.SpamAssassinCorpus().examples();
  const classifier = spam.NaiveBayesSpamClassifier.train(corpus.filter((e) => !isHeldOut(e.key)));

  // The policy comes from memory as in production (cached); nothing is recorded: `check` is the dry run.
  const policy = new CurrentPolicy({
    current: async () => ({ ...DEFAULT_POLICY, version: 1, editedBy: null, editedAt: null }),
  });
  const redisConnections = { key: (...parts) => ['bench', ...parts].join(':'), commands: () => redis };
  const screener = new ContentScreener(
    policy,
    { score: (text) => ({ probability: classifier.probability(text), modelVersion: 'bench' }) },
    new RedisRepetitionCounter(redisConnections),
    { recordWithContent: async () => {}, recordRefusal: async () => {} },
  );
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

  // Real texts: held-out mail bodies (ham and spam) cut to 500 characters, every tenth with a profanity.
  const texts = corpus
    .filter((e) => isHeldOut(e.key))
    .map((e) => e.text.replace(/\s+/g, ' ').trim())
    .filter((t) => t.length >= TEXT_LENGTH)
    .slice(0, textCount)
    .map((t, i) => (i % 10 === 0 ? `${t.slice(0, TEXT_LENGTH - 12)} what the fvck` : t.slice(0, TEXT_LENGTH)));
  if (texts.length < textCount) step(`only ${texts.length} held-out texts are 500 characters or longer; using them`);

  const sides = {
    baseline: async (text) => void matcher.getAllMatches(text),
    candidate: (text) => screener.check({ surface: 'message', authorId: 'bench-author', text }),
  };
  const results = { baseline: [], candidate: [] };
  for (const side of ['baseline', 'candidate']) for (const text of texts.slice(0, 200)) await sides[side](text); // warm-up

  step(`measuring: ${rounds} rounds × ${texts.length} texts per side, interleaved`);
  const actions = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const side of ['baseline', 'candidate']) {
      const latencies = [];
      const started = process.hrtime.bigint();
      for (const text of texts) {
        const t0 = process.hrtime.bigint();
        const verdict = await sides[side](text);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e3);
        if (verdict && round === 0) actions[verdict.action] = (actions[verdict.action] ?? 0) + 1;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      results[side].push({
        perSecond: texts.length / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      });
    }
  }

  const summary = (side) => ({
    perSecond: median(results[side].map((r) => r.perSecond)),
    p50: median(results[side].map((r) => r.p50)),
    p99: median(results[side].map((r) => r.p99)),
  });
  const baseline = summary('baseline');
  const candidate = summary('candidate');
  const ratios = results.candidate.map((r, i) => r.perSecond / results.baseline[i].perSecond);
  console.log(
    `\n${texts.length} texts of ${TEXT_LENGTH} characters, ${rounds} rounds per side, one at a time (Node ${process.version})`,
  );
  console.log(
    table([
      ['', 'baseline (obscenity alone)', 'candidate (ContentScreening.check)', 'candidate vs baseline'],
      [
        'texts/s (median)',
        thousands(baseline.perSecond),
        thousands(candidate.perSecond),
        `${fixed(median(ratios), 2)}×`,
      ],
      ['p50 µs', fixed(baseline.p50), fixed(candidate.p50), `+${fixed(candidate.p50 - baseline.p50)} µs`],
      ['p99 µs', fixed(baseline.p99), fixed(candidate.p99), `+${fixed(candidate.p99 - baseline.p99)} µs`],
    ]),
  );
  console.log(`verdicts (message surface, default policy): ${JSON.stringify(actions)}`);
  writeResults('moderation', {
    texts: texts.length,
    rounds,
    baseline,
    candidate,
    ratio: median(ratios),
    actions,
    results,
  });
}
