export {
  describeFinding,
  fuzzOperation,
  refusalViolations,
  seedFor,
  selectTargets,
  type Finding,
  type FuzzContext,
  type FuzzOptions,
} from './fuzz-run.js';
export { RawJson, toJsonText } from './hostile-values.js';
export { invariantViolations } from './invariant.js';
export { replayable } from './replay.js';
export {
  CONDITION_REFUSAL,
  conditionCases,
  conditionRequests,
  conditionViolations,
  fuzzTargets,
  invalidOf,
  percentEncode,
  requestArbitrary,
  validOf,
  type ConditionCase,
  type ExpectedRefusal,
  type FuzzRequest,
  type FuzzTarget,
  type PathFixtures,
  type ValueFixtures,
} from './request-arbitrary.js';
export { sendRaw, type WireAnswer } from './wire.js';
export { BACKGROUND_TRANSACTIONS, BACKGROUND_WRITES, WriteAudit } from './write-audit.js';

/** The CI budget and the knobs `npm run fuzz` turns (test/support/fuzz/run.mjs sets them). */
export function fuzzOptionsFromEnvironment(): {
  runs: number;
  seed: number;
  route?: string;
  replayPath?: string;
  longRun: boolean;
} {
  const runs = Number(process.env.FUZZ_RUNS ?? 0);
  return {
    runs: runs > 0 ? runs : CI_RUNS_PER_OPERATION,
    seed: Number(process.env.FUZZ_SEED ?? CI_SEED),
    route: process.env.FUZZ_ROUTE || undefined,
    replayPath: process.env.FUZZ_REPLAY_PATH || undefined,
    longRun: runs > 0,
  };
}

/** CI: the same requests every run (a failure reproduces), three per operation (~220 operations, ~650 requests). */
export const CI_SEED = 170_047;
export const CI_RUNS_PER_OPERATION = 3;
