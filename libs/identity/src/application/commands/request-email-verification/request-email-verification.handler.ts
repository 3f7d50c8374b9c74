import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork, type RatePolicy } from '@lib/platform';
import { EmailAlreadyVerifiedError, UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { AccountLinks } from '../../account-links.js';
import { RequestEmailVerificationCommand } from './request-email-verification.command.js';

/** Each request mails a mailbox someone named: a few an hour is plenty for a lost mail. */
const VERIFICATION_MAILS_PER_USER: RatePolicy = {
  name: 'email-verification-user',
  points: 5,
  windowSeconds: 3_600,
  code: 'identity.email-verification.rate-limited',
  message: 'Too many verification mails asked for; try again later',
};

/** Mails a new verification link to the account's address (older ones keep working until they expire). */
@CommandHandler(RequestEmailVerificationCommand)
export class RequestEmailVerificationHandler implements ICommandHandler<RequestEmailVerificationCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly links: AccountLinks,
    private readonly unitOfWork: UnitOfWork,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async execute({ userId }: RequestEmailVerificationCommand): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    if (user.hasVerifiedEmail()) throw new EmailAlreadyVerifiedError();
    await this.rateLimiter.consume(VERIFICATION_MAILS_PER_USER, userId);
    await this.unitOfWork.transactional(() => this.links.mailEmailVerification(user));
  }
}
