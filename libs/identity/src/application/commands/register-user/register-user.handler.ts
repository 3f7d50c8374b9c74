import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { RateLimiter, UnitOfWork } from '@lib/platform';
import { PasswordHasher } from '../../../domain/password-hasher.js';
import { normalizeEmail, normalizeHandle } from '../../../domain/user/profile-values.js';
import { EmailAlreadyTakenError, HandleAlreadyTakenError } from '../../../domain/user/user.errors.js';
import { User } from '../../../domain/user/user.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { assertAcceptablePassword } from '../../password-policy.js';
import { AccountLinks } from '../../account-links.js';
import { SessionTokens } from '../../session-tokens.js';
import { toUserView } from '../../views.js';
import { RegisterUserCommand } from './register-user.command.js';

const registrationsPerIp = (points: number) => ({
  name: 'register-ip',
  points,
  windowSeconds: 3_600,
  code: 'identity.registration.rate-limited',
  message: 'Too many accounts created from this address; try again later',
});

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessionTokens: SessionTokens,
    private readonly unitOfWork: UnitOfWork,
    private readonly rateLimiter: RateLimiter,
    private readonly links: AccountLinks,
    private readonly config: AppConfig,
  ) {}

  async execute(command: RegisterUserCommand) {
    const email = normalizeEmail(command.email);
    const handle = normalizeHandle(command.handle);
    assertAcceptablePassword(command.password, { email, handle });
    await this.rateLimiter.consume(registrationsPerIp(this.config.auth.registrationsPerIpPerHour), command.client.ip);
    // Checked first for a precise answer; the unique indexes still decide under a race.
    if (await this.users.findByEmail(email)) throw new EmailAlreadyTakenError();
    if (await this.users.findByHandle(handle)) throw new HandleAlreadyTakenError(handle);

    const user = User.register({
      email,
      handle,
      displayName: command.displayName,
      passwordHash: await this.hasher.hash(command.password),
    });
    const tokens = await this.unitOfWork.transactional(async () => {
      await this.users.save(user);
      // The first verification link leaves with the account; a failed registration mails nothing.
      await this.links.mailEmailVerification(user);
      return this.sessionTokens.start(user, command.client.userAgent);
    });
    return { user: toUserView(user), tokens };
  }
}
