import { readFileSync } from 'node:fs';
import { getMetadataStorage } from 'class-validator';
import { AppConfig } from './app-config.js';
import { ConfigurationError, Environment, readEnvironment } from './environment.js';

describe('reading the environment', () => {
  it('gives every setting a working default for a local run', () => {
    const env = readEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      DATA_DIR: '.data',
      REDIS_PREFIX: 'showrunner',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('converts numbers and booleans from their text form', () => {
    const env = readEnvironment({ PORT: '8080', TRUST_PROXY: 'true', DOCS_ENABLED: '0', BODY_LIMIT_BYTES: '4096' });
    expect(env).toMatchObject({ PORT: 8080, TRUST_PROXY: true, DOCS_ENABLED: false, BODY_LIMIT_BYTES: 4096 });
  });

  it('names every bad variable in one error, without echoing secrets', () => {
    let error: unknown;
    try {
      readEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', JWT_SECRET: 'short' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/^PORT="eighty": /m);
    expect(problems).toMatch(/^DATABASE_URL="mysql:\/\/x": must be a postgres/m);
    expect(problems).toMatch(/^LOG_LEVEL="loud": /m);
    expect(problems).toMatch(/^JWT_SECRET=\(hidden\): must be at least 32 characters/m);
    expect(problems).not.toContain('short');
  });

  it('reads the database pool settings, refusing negative or fractional values and pools under two', () => {
    expect(readEnvironment({ DATABASE_POOL_IDLE_TIMEOUT_MS: '0', DATABASE_POOL_MAX: '20' })).toMatchObject({
      DATABASE_POOL_IDLE_TIMEOUT_MS: 0,
      DATABASE_POOL_MAX: 20,
    });
    let error: unknown;
    try {
      readEnvironment({
        DATABASE_POOL_IDLE_TIMEOUT_MS: '-1',
        DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '2.5',
        DATABASE_POOL_MAX: '1',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/^DATABASE_POOL_IDLE_TIMEOUT_MS="-1": /m);
    expect(problems).toMatch(/^DATABASE_POOL_ACQUIRE_TIMEOUT_MS="2.5": /m);
    expect(problems).toMatch(/^DATABASE_POOL_MAX="1": /m);
  });

  it('requires real services and a secret in production', () => {
    expect(() => readEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: is required in production[\s\S]*DATABASE_URL[\s\S]*REDIS_URL/,
    );
  });

  it('refuses password hashing below the OWASP floor in production only', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/app',
      REDIS_URL: 'redis://cache',
    };
    expect(() => readEnvironment(production)).not.toThrow();
    expect(() => readEnvironment({ ...production, PASSWORD_HASH_MEMORY_KIB: '1024' })).toThrow(
      /PASSWORD_HASH_MEMORY_KIB\/PASSWORD_HASH_PASSES: below the OWASP floor/,
    );
    expect(() => readEnvironment({ ...production, PASSWORD_HASH_PASSES: '1' })).toThrow(/below the OWASP floor/);
    expect(readEnvironment({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_PASSES: '1' })).toMatchObject({
      PASSWORD_HASH_MEMORY_KIB: 1024,
      PASSWORD_HASH_PASSES: 1,
    });
  });

  it('picks the payment provider: Stripe with a key, the sandbox locally, none in production without a key', () => {
    const services = { databaseUrl: 'postgres://x', redisUrl: 'redis://x', jwtSecret: 'x'.repeat(32) };
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'postgres://db/x',
      REDIS_URL: 'redis://r',
    };
    expect(new AppConfig(readEnvironment({}), services).billing.provider).toBe('sandbox');
    expect(new AppConfig(readEnvironment(production), services).billing.provider).toBe('none');
    const stripe = new AppConfig(
      readEnvironment({ ...production, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_WEBHOOK_SECRET: 'whsec_x' }),
      services,
    );
    expect(stripe.billing).toMatchObject({
      provider: 'stripe',
      graceDays: 7,
      refundWindowDays: 30,
      stripe: { webhookToleranceSeconds: 300 },
    });
    expect(() => readEnvironment({ STRIPE_SECRET_KEY: 'sk_live_abc' })).toThrow(
      /STRIPE_WEBHOOK_SECRET: is required with STRIPE_SECRET_KEY/,
    );
    expect(() => readEnvironment({ STRIPE_SECRET_KEY: 'pk_live_abc', STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toThrow(
      /STRIPE_SECRET_KEY=\(hidden\)/,
    );
  });

  it('wants the admin email and password together', () => {
    expect(() => readEnvironment({ ADMIN_EMAIL: 'a@example.com' })).toThrow(
      /ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither/,
    );
  });

  it('takes an SMTP URL for mail and never echoes it, since it carries the password', () => {
    const services = { databaseUrl: 'postgres://x', redisUrl: 'redis://x', jwtSecret: 'x'.repeat(32) };
    expect(new AppConfig(readEnvironment({}), services).mail).toEqual({
      url: undefined,
      from: 'Showrunner <no-reply@localhost>',
    });
    const env = { MAIL_URL: 'smtps://mailer:s3cret@smtp.example.com:465', MAIL_FROM: 'Studio <hello@example.com>' };
    expect(new AppConfig(readEnvironment(env), services).mail).toEqual({ url: env.MAIL_URL, from: env.MAIL_FROM });
    expect(readEnvironment({ MAIL_URL: 'smtp://smtp.example.com' }).MAIL_URL).toBe('smtp://smtp.example.com');
    expect(readEnvironment({ MAIL_URL: '' }).MAIL_URL).toBeUndefined();
    expect(readEnvironment({ MAIL_FROM: 'hello@example.com' }).MAIL_FROM).toBe('hello@example.com');

    let error: unknown;
    try {
      readEnvironment({ MAIL_URL: 'https://mailer:s3cret@smtp.example.com', MAIL_FROM: 'nobody' });
    } catch (caught) {
      error = caught;
    }
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/^MAIL_URL=\(hidden\): must be an smtp:\/\/ or smtps:\/\/ URL$/m);
    expect(problems).toMatch(/^MAIL_FROM="nobody": must be an address/m);
    expect(problems).not.toContain('s3cret');
  });

  it('reads the studio media settings: storage, binaries, upload limits by plan', () => {
    const services = { databaseUrl: 'postgres://x', redisUrl: 'redis://x', jwtSecret: 'x'.repeat(32) };
    const local = new AppConfig(readEnvironment({ DATA_DIR: '/srv/data' }), services).media;
    expect(local).toMatchObject({
      storage: { kind: 'local', root: '/srv/data/media' },
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      uploadMaxBytes: {
        byPlan: { 'creator-plus': 10 * 1024 ** 3, 'studio-pro': 50 * 1024 ** 3 },
        otherwise: 2 * 1024 ** 3,
      },
    });
    const custom = new AppConfig(
      readEnvironment({
        FFMPEG_PATH: '/opt/ff/bin/ffmpeg',
        MEDIA_UPLOAD_MAX_BYTES_BY_PLAN: 'prime:5, studio-pro:9',
        MEDIA_STORAGE: 's3',
        MEDIA_S3_BUCKET: 'media',
      }),
      services,
    ).media;
    expect(custom).toMatchObject({
      ffprobePath: '/opt/ff/bin/ffprobe',
      uploadMaxBytes: { byPlan: { prime: 5, 'studio-pro': 9 } },
      storage: { kind: 's3', bucket: 'media' },
    });
    expect(() => readEnvironment({ MEDIA_STORAGE: 's3' })).toThrow(
      /MEDIA_S3_BUCKET: is required with MEDIA_STORAGE=s3/,
    );
    expect(() => readEnvironment({ MEDIA_UPLOAD_MAX_BYTES_BY_PLAN: 'prime=5' })).toThrow(
      /MEDIA_UPLOAD_MAX_BYTES_BY_PLAN/,
    );
  });

  it('reads DMCA holidays as a list of real ISO dates, and names a bad one', () => {
    expect(readEnvironment({}).DMCA_HOLIDAYS).toEqual([]);
    expect(readEnvironment({ DMCA_HOLIDAYS: ' 2026-12-25, 2027-01-01 ,' }).DMCA_HOLIDAYS).toEqual([
      '2026-12-25',
      '2027-01-01',
    ]);
    expect(() => readEnvironment({ DMCA_HOLIDAYS: '2026-12-25,2027-02-30' })).toThrow(
      /DMCA_HOLIDAYS="2026-12-25,2027-02-30": must be real calendar dates/,
    );
    expect(() => readEnvironment({ DMCA_HOLIDAYS: '25/12/2026' })).toThrow(/DMCA_HOLIDAYS=.*YYYY-MM-DD/);
  });

  it('documents every variable in .env.example, and nothing else', () => {
    const declared = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(Environment, '', true, false)
        .map((m) => m.propertyName),
    );
    const documented = new Set(
      [...readFileSync(new URL('./.env.example', import.meta.url), 'utf8').matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map(
        (m) => m[1],
      ),
    );
    expect([...documented].sort()).toEqual([...declared].sort());
  });
});
