// `npm run fuzz -- --runs N [--seed S] [--route <operationId or path>] [--replay-path P]`: the CI fuzzing
// property (test/e2e/hardening/fuzz.e2e-spec.ts) with a longer budget, on the same throwaway app and
// database the suite starts. Counterexamples print as curl lines plus the fast-check seed and path.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const usage = `Usage: npm run fuzz -- [--runs N] [--seed S] [--route <operationId or documented path>] [--replay-path P]

  --runs N         requests per operation (default 100; CI runs 4)
  --seed S         base seed (default 170047, the CI seed); each operation derives its own from it
  --route R        only this operation (operationId, e.g. PlaylistsController_create, or path /v1/me/playlists)
  --replay-path P  replay one counterexample: the fast-check path a failure printed (with its --seed and --route)`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: '100' },
      seed: { type: 'string' },
      route: { type: 'string' },
      'replay-path': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
for (const name of ['runs', 'seed'])
  if (values[name] !== undefined && !/^-?\d+$/.test(values[name])) {
    console.error(`--${name} must be an integer\n\n${usage}`);
    process.exit(2);
  }

const root = fileURLToPath(new URL('../../../', import.meta.url));
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
  FUZZ_RUNS: values.runs,
  ...(values.seed !== undefined ? { FUZZ_SEED: values.seed } : {}),
  ...(values.route ? { FUZZ_ROUTE: values.route } : {}),
  ...(values['replay-path'] ? { FUZZ_REPLAY_PATH: values['replay-path'] } : {}),
};
console.log(
  `Fuzzing ${values.route ?? 'every operation'} with ${values.runs} request(s) each, seed ${values.seed ?? 'the CI seed'}…`,
);
const jest = spawn(
  `${root}node_modules/.bin/jest`,
  ['--selectProjects', 'e2e', '--runTestsByPath', 'test/e2e/hardening/fuzz.e2e-spec.ts'],
  { cwd: root, env, stdio: 'inherit' },
);
jest.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
