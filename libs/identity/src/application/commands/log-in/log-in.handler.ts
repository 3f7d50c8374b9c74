import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { RateLimiter, type RatePolicy } from '@lib/platform';
import { PasswordHasher } from '../../../domain/password-hasher.js';
import { InvalidCredentialsError } from '../../../domain/session/session.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { PASSWORD_MAX_LENGTH } from '../../password-policy.js';
import { SessionTokens } from '../../session-tokens.js';
import { toUserView } from '../../views.js';
import { LogInCommand } from './log-in.command.js';

@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand> {
  private readonly perIp: RatePolicy;
  private readonly perAccount: RatePolicy;
  /** Verified against when the email is unknown, so both failures take the same time. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessionTokens: SessionTokens,
    private readonly rateLimiter: RateLimiter,
    config: AppConfig,
  ) {
    const { maxAttemptsPerIp, maxFailuresPerAccount, windowSeconds } = config.auth.login;
    this.perIp = {
      name: 'login-ip',
      points: maxAttemptsPerIp,
      windowSeconds,
      code: 'identity.login.rate-limited',
      message: 'Too many login attempts from this address; try again later',
    };
    this.perAccount = {
      name: 'login-account',
      points: maxFailuresPerAccount,
      windowSeconds,
      code: 'identity.login.rate-limited',
      message: 'Too many failed logins for this account; try again later',
    };
  }

  async execute(command: LogInCommand) {
    const email = command.email.trim().toLowerCase();
    await this.rateLimiter.consume(this.perIp, command.client.ip);
    // Once an account has too many failures even the right password waits: guessing stays bounded.
    await this.rateLimiter.ensureAvailable(this.perAccount, email);

    const user = await this.users.findByEmail(email);
    const password = command.password.slice(0, PASSWORD_MAX_LENGTH + 1);
    let valid = false;
    if (user) valid = await this.hasher.verify(user.passwordHash, password);
    else await this.hasher.verify(await (this.decoyHash ??= this.hasher.hash('decoy password for timing')), password);
    if (!user || !valid) {
      await this.rateLimiter.consume(this.perAccount, email).catch(() => undefined);
      throw new InvalidCredentialsError();
    }
    await this.rateLimiter.reset(this.perAccount, email);
    return { user: toUserView(user), tokens: await this.sessionTokens.start(user, command.client.userAgent) };
  }
}
