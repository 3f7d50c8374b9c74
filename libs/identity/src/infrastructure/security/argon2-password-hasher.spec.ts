import { AppConfig, readEnvironment } from '@config';
import { Argon2PasswordHasher } from './argon2-password-hasher.js';

const services = { databaseUrl: 'postgres://db/app', redisUrl: 'redis://cache', jwtSecret: 'x'.repeat(32) };
const hasherWith = (env: Record<string, string>) =>
  new Argon2PasswordHasher(new AppConfig(readEnvironment(env), services));

describe('argon2id password hashing', () => {
  it('costs 64 MiB and 3 passes by default, and verifies what it hashed', async () => {
    const hasher = hasherWith({});
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$/);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'wrong')).toBe(false);
  });

  it('verifies a hash made at another cost, so changing the setting locks nobody out', async () => {
    const cheap = await hasherWith({ PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_PASSES: '1' }).hash('pw');
    expect(cheap).toMatch(/\$m=1024,p=1,t=1\$/);
    expect(await hasherWith({}).verify(cheap, 'pw')).toBe(true);
    expect(await hasherWith({}).verify('not a hash', 'pw')).toBe(false);
  });
});
