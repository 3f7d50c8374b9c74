// Jest 30 in native ESM mode (NODE_OPTIONS=--experimental-vm-modules), TypeScript through swc.
import { readFileSync } from 'node:fs';

const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));

// Public library entries come from tsconfig "paths", so tests resolve exactly what the apps resolve.
const aliases = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, (c) => `\\${c}`)}$`,
    `<rootDir>/${target.replace(/^\.\//, '')}`,
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  // TypeScript first: every `./x.js` import is mapped to `./x`, and each extension tried before `.ts` is a failed stat.
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup/reflect-metadata.ts'],
  testTimeout: 30_000,
};

/** @type {import('jest').Config} */
export default {
  // Test files are mostly I/O-bound (PostgreSQL, Redis, ffmpeg, a browser, outbox polling): more workers
  // than cores keeps the CPU busy (5 on the 2-core CI machine: with 4, a fresh-clone run used 1,820 s of CPU in
  // 1,238 s, 73% of two cores). Each file has its own database and Redis prefix, so files never share state.
  maxWorkers: Number(process.env.JEST_MAX_WORKERS ?? 5),
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
  // Slowest suites first even on a fresh clone (no cache): a two-minute file started last holds the run up.
  testSequencer: '<rootDir>/test/setup/slow-first-sequencer.mjs',
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,config,bench,test}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2e-timeout.ts'],
    },
  ],
};
