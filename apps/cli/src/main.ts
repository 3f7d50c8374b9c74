import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CliContext } from './cli-context.js';
import { createAdmin } from './commands/create-admin.js';
import { insightsRebuild } from './commands/insights-rebuild.js';
import { migrationCreate, migrationUp } from './commands/migrations.js';
import { recsEvaluate, recsGenerateLog } from './commands/recs.js';
import { reindex } from './commands/reindex.js';
import { syncPlans } from './commands/sync-plans.js';
import { evaluateSpam, trainSpam } from './commands/trust-spam.js';
import { trendingRecompute } from './commands/trending-recompute.js';
import { trustVerifyAudit } from './commands/trust-verify-audit.js';

const USAGE = `Usage: npm run cli -- <command> [options]

  migration:up                                  apply pending migrations
  migration:create <context>_<what>             draft a migration from the entity mappings
  users:create-admin --email <e> [--password <p>] [--handle <h>]
                                                create an admin, or promote an existing account
  search:reindex <index> [--batch-size <n>]     rebuild a search index with no downtime
  billing:sync-plans                            create or update the plans' products and prices at Stripe
  insights:rebuild --from <date> --to <date>    rebuild the analytics rollups of a range from the raw events
  trust:train-spam                              train and store a new spam model (SpamAssassin + moderators' decisions)
  trust:evaluate-spam                           precision, recall, F1 and false-positive rate of the newest spam model
  trust:verify-audit                            check the audit log's hash chain (fails on an edited or deleted entry)
  trending:recompute                            recompute the trending lists now (the worker does it on a schedule)
  recs:evaluate --log <csv> [--videos <csv>] [--k <n>] [--split leave-last-out|time] [--at <date>]
                                                HR, NDCG, coverage and diversity of the five recommendation strategies
  recs:generate-log --out <dir> [--seed <n>] [--people <n>] [--catalog <n>]
                                                write a synthetic interaction log with a planted structure (interactions.csv, videos.csv)
`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    handle: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'batch-size': { type: 'string', default: '500' },
    log: { type: 'string' },
    videos: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    people: { type: 'string' },
    catalog: { type: 'string' },
    k: { type: 'string' },
    split: { type: 'string' },
    at: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, argument] = positionals;

if (!command || values.help) {
  console.log(USAGE);
  process.exit(command || values.help ? 0 : 1);
}

// Offline commands read and write files only: no services, no application.
const OFFLINE: Record<string, () => Promise<void>> = {
  'recs:evaluate': () => recsEvaluate(values),
  'recs:generate-log': () => recsGenerateLog(values),
};
if (command && Object.hasOwn(OFFLINE, command)) {
  try {
    await OFFLINE[command]();
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const context = new CliContext();
let exitCode = 0;
try {
  await context.init();
  switch (command) {
    case 'migration:up':
      await migrationUp(context);
      break;
    case 'migration:create':
      await migrationCreate(context, argument);
      break;
    case 'users:create-admin':
      await createAdmin(context, values);
      break;
    case 'billing:sync-plans':
      await syncPlans(context);
      break;
    case 'insights:rebuild':
      await insightsRebuild(context, values.from, values.to);
      break;
    case 'trust:train-spam':
      await trainSpam(context);
      break;
    case 'trust:evaluate-spam':
      await evaluateSpam(context);
      break;
    case 'trust:verify-audit':
      await trustVerifyAudit(context);
      break;
    case 'trending:recompute':
      await trendingRecompute(context);
      break;
    case 'search:reindex':
      await reindex(context, argument, Number(values['batch-size']) || 500);
      break;
    default:
      console.error(`Unknown command '${command}'.\n\n${USAGE}`);
      exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await context.close();
}
process.exit(exitCode);
