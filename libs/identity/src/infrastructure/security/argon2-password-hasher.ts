import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AppConfig } from '@config';
import { PasswordHasher } from '../../domain/password-hasher.js';

/**
 * argon2id, by default 64 MiB / 3 passes (above OWASP's 19 MiB / 2 floor). The cost is configurable
 * so test suites can register hundreds of accounts cheaply; production refuses less than the floor.
 * Verifying reads the cost from the stored hash, so changing it never locks anyone out.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  constructor(private readonly config: AppConfig) {
    super();
  }

  hash(password: string): Promise<string> {
    const { memoryKib, passes } = this.config.auth.passwordHashing;
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib, timeCost: passes, parallelism: 1 });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false; // a malformed stored hash is a failed login, not a crash
    }
  }
}
