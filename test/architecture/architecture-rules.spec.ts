import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run lint:arch` only proves something if its rules catch what they claim to. These tests run the
 * command exactly as package.json spells it, with the real `.dependency-cruiser.cjs` (options included) and
 * the real tsconfig, so a setting that blinds a rule (excluding node_modules did once) fails here.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture', import.meta.url));
const lintArch: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['lint:arch'];
const KNOWN_VIOLATIONS = '.dependency-cruiser-known-violations.json';

interface Violation {
  rule: string;
  severity: string;
  from: string;
  to: string;
}

/** Runs the lint:arch script in `cwd`, with `extraArgs` appended, through the project's Node. */
function runLintArch(cwd: string, extraArgs: string[] = []): Promise<{ exitCode: number; stdout: string }> {
  const [command, ...args] = lintArch.split(/\s+/);
  if (command !== 'depcruise') throw new Error(`lint:arch is expected to run depcruise, not "${command}"`);
  const depcruise = join(root, 'node_modules/.bin/depcruise');
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [depcruise, ...args, ...extraArgs],
      { cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number')
          return reject(new Error(`depcruise did not run: ${error.message}`, { cause: error }));
        if (!stdout) return reject(new Error(`depcruise printed nothing: ${stderr}`));
        resolve({ exitCode: error ? Number(error.code) : 0, stdout });
      },
    ),
  );
}

/** The same run with a JSON report (which always exits 0), to read each violation. */
async function violationsFound(cwd: string): Promise<Violation[]> {
  const { stdout } = await runLintArch(cwd, ['--output-type', 'json']);
  return JSON.parse(stdout).summary.violations.map(
    (v: { rule: { name: string; severity: string }; from: string; to: string }) => ({
      rule: v.rule.name,
      severity: v.rule.severity,
      from: v.from,
      to: v.to,
    }),
  );
}

describe('the architecture rules (lint:arch) on planted violations', () => {
  let workspace: string;
  let exitCode: number;
  let violations: Violation[];

  beforeAll(async () => {
    // A throwaway project shaped like ours: the fixture's apps/ and libs/ next to our real configuration files.
    workspace = mkdtempSync(join(tmpdir(), 'showrunner-lint-arch-'));
    cpSync(fixture, workspace, { recursive: true });
    for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'])
      cpSync(join(root, file), join(workspace, file));
    for (const folder of ['config', 'migrations']) mkdirSync(join(workspace, folder), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(workspace, 'node_modules'), 'dir');
    // One violation is "known", as if it were in the baseline when the rule arrived; its twin is new.
    writeFileSync(
      join(workspace, KNOWN_VIOLATIONS),
      JSON.stringify([
        {
          type: 'dependency',
          from: 'libs/billing/src/application/known-entity-manager.ts',
          to: 'node_modules/@mikro-orm/postgresql/index.js',
          rule: { severity: 'error', name: 'storage-stays-in-infrastructure' },
        },
      ]),
    );
    ({ exitCode } = await runLintArch(workspace));
    violations = await violationsFound(workspace);
  }, 120_000);

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  const errors = () => violations.filter((v) => v.severity === 'error');
  const caught = (rule: string, from: string, to: string) =>
    expect(errors()).toContainEqual({ rule, severity: 'error', from: `${from}.ts`, to: expect.stringContaining(to) });

  it('fails the command when a rule is broken', () => expect(exitCode).toBeGreaterThan(0));

  it('refuses a context reaching into another context’s domain', () =>
    caught(
      'contexts-meet-through-contracts',
      'libs/billing/src/application/uses-identity',
      'libs/identity/src/domain/user',
    ));

  it('allows a context to use another context’s contracts', () =>
    expect(violations.filter((v) => v.to.includes('identity/src/contracts') && v.from.includes('billing'))).toEqual(
      [],
    ));

  it('refuses a framework import in a domain', () =>
    caught('domain-is-framework-free', 'libs/identity/src/domain/user', 'node_modules/@nestjs/common/'));

  it('refuses MikroORM in a domain, as a framework and as storage', () => {
    caught('domain-is-framework-free', 'libs/billing/src/domain/invoice', 'node_modules/@mikro-orm/decorators/');
    caught('storage-stays-in-infrastructure', 'libs/billing/src/domain/invoice', 'node_modules/@mikro-orm/decorators/');
  });

  it('refuses an EntityManager in an application file, even imported as a type', () =>
    caught(
      'storage-stays-in-infrastructure',
      'libs/billing/src/application/uses-entity-manager',
      'node_modules/@mikro-orm/postgresql/',
    ));

  it.each(['pg', 'ioredis', 'bull', '@mikro-orm/core'])('refuses %s in an application file', (driver) =>
    caught('storage-stays-in-infrastructure', 'libs/billing/src/application/uses-drivers', `node_modules/${driver}/`),
  );

  it('lets infrastructure use MikroORM and Bull', () =>
    expect(violations.filter((v) => v.from.includes('/infrastructure/invoice-repository'))).toEqual([]));

  it('ignores a violation listed in the known-violations baseline, and only that one', () => {
    expect(violations).toContainEqual({
      rule: 'storage-stays-in-infrastructure',
      severity: 'ignore',
      from: 'libs/billing/src/application/known-entity-manager.ts',
      to: 'node_modules/@mikro-orm/postgresql/index.js',
    });
    expect(violations.filter((v) => v.severity === 'ignore')).toHaveLength(1);
  });

  it('lets a domain use the ddd kernel and nothing else of the platform', () => {
    caught('domain-uses-only-the-ddd-kernel', 'libs/identity/src/domain/user', 'libs/platform/src/leaky');
    expect(violations.filter((v) => v.to.includes('platform/src/ddd'))).toEqual([]);
  });

  it('refuses a domain depending on its own infrastructure', () =>
    caught(
      'domain-does-not-reach-outward',
      'libs/identity/src/domain/user',
      'libs/identity/src/infrastructure/adapter',
    ));

  it('refuses contracts that drag in the domain', () =>
    caught('contracts-stand-alone', 'libs/identity/src/contracts/index', 'libs/identity/src/domain/user'));

  it("refuses MikroORM or Bull in a context's application layer (storage goes through ports)", () => {
    caught(
      'storage-stays-in-infrastructure',
      'libs/billing/src/application/queries-with-sql',
      'node_modules/@mikro-orm/postgresql/',
    );
    caught('storage-stays-in-infrastructure', 'libs/billing/src/application/queries-with-sql', 'node_modules/bull/');
  });

  it('refuses the platform importing a context', () =>
    caught('platform-knows-no-context', 'libs/platform/src/leaky', 'libs/identity/src/index'));

  it('refuses a library importing an app', () =>
    caught('libs-never-import-apps', 'libs/identity/src/infrastructure/adapter', 'apps/api/main'));

  it('refuses an app importing a library’s internals, but not its index', () => {
    caught('apps-use-public-entries', 'apps/api/main', 'libs/identity/src/domain/user');
    expect(violations.filter((v) => v.from.startsWith('apps/') && v.to.endsWith('identity/src/index.ts'))).toEqual([]);
  });

  it('refuses the Stripe emulator importing the platform (or any context)', () =>
    caught('stripe-emulator-knows-no-context', 'libs/stripe-emulator/src/index', 'libs/platform/src/leaky'));

  it('refuses reaching into the Stripe emulator past its entries, and its test harness from production code', () => {
    caught(
      'stripe-emulator-through-its-entries',
      'libs/billing/src/infrastructure/uses-emulator',
      'libs/stripe-emulator/src/internal',
    );
    caught(
      'stripe-emulator-testing-only-in-tests',
      'libs/billing/src/infrastructure/uses-emulator',
      'libs/stripe-emulator/src/testing/index',
    );
    expect(
      violations.filter((v) => v.from.startsWith('libs/billing/') && v.to.endsWith('stripe-emulator/src/index.ts')),
    ).toEqual([]);
  });

  it('refuses import cycles', () => caught('no-circular', 'libs/billing/src/a', 'libs/billing/src/b'));
});

describe('the architecture rules (lint:arch) on the real tree', () => {
  it('find no violation beyond the known-violations baseline', async () => {
    const { exitCode, stdout } = await runLintArch(root);
    expect(stdout).toContain('no dependency violations found');
    expect(exitCode).toBe(0);
  }, 180_000);
});
