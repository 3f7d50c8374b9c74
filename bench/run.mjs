// `npm run bench -- <name> [options]`: runs bench/<name>.bench.mjs. A benchmark module exports
// `description` (one line), `usage` (its options) and `run(argv)`; adding a file adds a benchmark.
import { readdirSync } from 'node:fs';
import { cleanup, installExitHandlers } from './lib/processes.mjs';

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(
    `Node ${process.version} is too old: run \`npm run bench\`, which uses the project's Node 24 (node_modules/.bin).`,
  );
  process.exit(1);
}

const SUFFIX = '.bench.mjs';
const folder = new URL('./', import.meta.url);
const names = readdirSync(folder)
  .filter((file) => file.endsWith(SUFFIX))
  .map((file) => file.slice(0, -SUFFIX.length))
  .sort();

async function printUsage() {
  console.log('Usage: npm run bench -- <name> [options]\n\nBenchmarks:');
  for (const name of names) {
    const { description } = await import(new URL(`${name}${SUFFIX}`, folder).href);
    console.log(`  ${name.padEnd(12)} ${description}`);
  }
  console.log('\n`npm run bench -- <name> --help` lists its options. See bench/README.md.');
}

const [name, ...argv] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  await printUsage();
  process.exit(name ? 0 : 1);
}
if (!names.includes(name)) {
  console.error(`Unknown benchmark "${name}".\n`);
  await printUsage();
  process.exit(1);
}

const benchmark = await import(new URL(`${name}${SUFFIX}`, folder).href);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(`npm run bench -- ${name} [options]\n\n${benchmark.description}\n\n${benchmark.usage}`);
  process.exit(0);
}

installExitHandlers();
let exitCode = 1;
try {
  exitCode = (await benchmark.run(argv)) ?? 0;
} catch (error) {
  console.error(`\nbench ${name} failed: ${error.stack ?? error}`);
} finally {
  await cleanup();
}
// Pools and sockets of loaded project code may keep the event loop alive; everything we started is stopped.
process.exit(exitCode);
