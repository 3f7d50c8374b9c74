import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const configuration = require('../../.dependency-cruiser.cjs');
const fixture = fileURLToPath(new URL('./fixture', import.meta.url));

/** `npm run lint:arch` only proves something if its rules catch what they claim to. */
describe('the architecture rules (lint:arch)', () => {
  let violations: { rule: string; from: string; to: string }[];

  beforeAll(async () => {
    const { output } = await cruise(['libs', 'apps'], {
      baseDir: fixture,
      ruleSet: { forbidden: configuration.forbidden },
      tsPreCompilationDeps: true,
      validate: true,
    });
    violations = (output as ICruiseResult).summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  });

  const caught = (rule: string, from: string, to: string) =>
    expect(violations).toContainEqual({ rule, from: `${from}.ts`, to: expect.stringContaining(to) });

  it('refuses a context reaching into another context’s domain', () =>
    caught('contexts-meet-through-contracts', 'libs/billing/src/application/uses-identity', 'libs/identity/src/domain/user'));

  it('allows a context to use another context’s contracts', () =>
    expect(violations.filter((v) => v.to.includes('identity/src/contracts') && v.from.includes('billing'))).toEqual([]));

  it('refuses a framework import in a domain', () => caught('domain-is-framework-free', 'libs/identity/src/domain/user', '@nestjs/common'));

  it('lets a domain use the ddd kernel and nothing else of the platform', () => {
    caught('domain-uses-only-the-ddd-kernel', 'libs/identity/src/domain/user', 'libs/platform/src/leaky');
    expect(violations.filter((v) => v.to.includes('platform/src/ddd'))).toEqual([]);
  });

  it('refuses a domain depending on its own infrastructure', () =>
    caught('domain-does-not-reach-outward', 'libs/identity/src/domain/user', 'libs/identity/src/infrastructure/adapter'));

  it('refuses contracts that drag in the domain', () =>
    caught('contracts-stand-alone', 'libs/identity/src/contracts/index', 'libs/identity/src/domain/user'));

  it('refuses MikroORM or Bull in a context\'s application layer (storage goes through ports)', () => {
    caught('application-stores-through-ports', 'libs/billing/src/application/queries-with-sql', '@mikro-orm/postgresql');
    caught('application-stores-through-ports', 'libs/billing/src/application/queries-with-sql', 'bull');
  });

  it('refuses the platform importing a context', () => caught('platform-knows-no-context', 'libs/platform/src/leaky', 'libs/identity/src/index'));

  it('refuses a library importing an app', () => caught('libs-never-import-apps', 'libs/identity/src/infrastructure/adapter', 'apps/api/main'));

  it('refuses an app importing a library’s internals, but not its index', () => {
    caught('apps-use-public-entries', 'apps/api/main', 'libs/identity/src/domain/user');
    expect(violations.filter((v) => v.from.startsWith('apps/') && v.to.endsWith('identity/src/index.ts'))).toEqual([]);
  });

  it('refuses the Stripe emulator importing the platform (or any context)', () =>
    caught('stripe-emulator-knows-no-context', 'libs/stripe-emulator/src/index', 'libs/platform/src/leaky'));

  it('refuses reaching into the Stripe emulator past its entries, and its test harness from production code', () => {
    caught('stripe-emulator-through-its-entries', 'libs/billing/src/infrastructure/uses-emulator', 'libs/stripe-emulator/src/internal');
    caught('stripe-emulator-testing-only-in-tests', 'libs/billing/src/infrastructure/uses-emulator', 'libs/stripe-emulator/src/testing/index');
    expect(violations.filter((v) => v.from.startsWith('libs/billing/') && v.to.endsWith('stripe-emulator/src/index.ts'))).toEqual([]);
  });

  it('refuses import cycles', () => caught('no-circular', 'libs/billing/src/a', 'libs/billing/src/b'));
});
