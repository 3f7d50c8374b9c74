/**
 * Architecture rules (`npm run lint:arch`), see README.md "Architecture" and docs/adr/0001:
 * contexts meet only through contracts, domains import no framework, the platform knows no context.
 * Known violations live in .dependency-cruiser-known-violations.json and may only shrink (docs/adr/0015).
 */
const CONTEXT = '(identity|billing|studio|engagement|trust-safety|insights|ads)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contexts-meet-through-contracts',
      comment: 'A context may reach another context only through @lib/<other>/contracts.',
      severity: 'error',
      from: { path: `^libs/${CONTEXT}/` },
      to: {
        path: `^libs/${CONTEXT}/src/`,
        pathNot: ['^libs/$1/', `^libs/${CONTEXT}/src/contracts/`],
      },
    },
    {
      name: 'domain-is-framework-free',
      comment: 'domain/ imports no npm package (no NestJS, MikroORM, Bull, Stripe, Socket.IO).',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'storage-stays-in-infrastructure',
      comment:
        'application/ and domain/ reach storage through ports: MikroORM, pg, ioredis and Bull live in infrastructure/.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/(application|domain)/' },
      to: { path: '(^|/)node_modules/(@mikro-orm/[^/]+|pg|ioredis|bull)/' },
    },
    {
      name: 'domain-uses-only-the-ddd-kernel',
      comment: 'From the platform, domain/ may use @lib/platform/ddd only.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^libs/platform/src/', pathNot: '^libs/platform/src/ddd/' },
    },
    {
      name: 'domain-does-not-reach-outward',
      comment: 'domain/ knows nothing of its application, infrastructure or interface layers.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/' },
      to: { path: '^libs/$1/src/(application|infrastructure|interface)/' },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'contracts/ is what others import: it may not drag the context’s internals along.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/contracts/' },
      to: { path: '^libs/$1/src/(?!contracts/)' },
    },
    {
      name: 'platform-knows-no-context',
      comment: 'libs/platform is the shared kernel and plumbing: it imports no context.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(?!platform/)' },
    },
    {
      name: 'stripe-emulator-knows-no-context',
      comment: 'libs/stripe-emulator stands for Stripe: it imports no context, no platform and no config (ADR 0018).',
      severity: 'error',
      from: { path: '^libs/stripe-emulator/' },
      to: { path: '^(libs/(?!stripe-emulator/)|config/|apps/|migrations/)' },
    },
    {
      name: 'stripe-emulator-through-its-entries',
      comment: 'Others use the emulator through @lib/stripe-emulator (and /testing in tests), never its files.',
      severity: 'error',
      from: { path: '^(?!libs/stripe-emulator/)' },
      to: {
        path: '^libs/stripe-emulator/src/',
        pathNot: ['^libs/stripe-emulator/src/index\\.ts$', '^libs/stripe-emulator/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'stripe-emulator-testing-only-in-tests',
      comment: 'The test harness of the emulator is for tests: production code never imports it.',
      severity: 'error',
      from: {
        path: '^(libs|apps)/',
        pathNot: [
          '\\.(spec|int-spec|e2e-spec)\\.ts$',
          '^libs/stripe-emulator/src/testing/',
          '^libs/[^/]+/src/testing/',
        ],
      },
      to: { path: '^libs/stripe-emulator/src/testing/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'config-stands-alone',
      comment: 'config/ is read by everything and reads nothing of ours.',
      severity: 'error',
      from: { path: '^config/' },
      to: { path: '^(libs|apps|migrations)/' },
    },
    {
      name: 'apps-use-public-entries',
      comment: 'Apps import a library through its index (or contracts), never its internals.',
      severity: 'error',
      from: { path: '^apps/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/contracts/index\\.ts$'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // npm packages stay in the graph (rules on them must see them) but are not crawled.
    doNotFollow: { path: 'node_modules' },
    // Keeps package paths `node_modules/…` where node_modules is a symlink, so the baseline matches everywhere.
    preserveSymlinks: true,
    exclude: { path: '(^|/)(dist|\\.data|test/architecture/fixture)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts', '.json'],
    },
  },
};
