import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork, type RatePolicy } from '@lib/platform';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { AccountLinks } from '../../account-links.js';
import { RequestPasswordResetCommand } from './request-password-reset.command.js';

const RESET_REQUESTS_PER_IP: RatePolicy = {
  name: 'password-reset-ip',
  points: 20,
  windowSeconds: 3_600,
  code: 'identity.password-reset.rate-limited',
  message: 'Too many password resets asked for from this address; try again later',
};

/** Counted for every address, known or not, so the limit itself tells nothing; it stops mail bombing. */
const RESET_REQUESTS_PER_ADDRESS: RatePolicy = {
  name: 'password-reset-address',
  points: 3,
  windowSeconds: 3_600,
  code: 'identity.password-reset.rate-limited',
  message: 'Too many password resets asked for this account; try again later',
};

/**
 * Mails a reset link when the address has an account. The caller always gets the same answer, so no
 * one learns who is registered; the mail leaves through a queue, so the answer takes about as long.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly links: AccountLinks,
    private readonly unitOfWork: UnitOfWork,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async execute(command: RequestPasswordResetCommand): Promise<void> {
    const email = command.email.trim().toLowerCase();
    await this.rateLimiter.consume(RESET_REQUESTS_PER_IP, command.client.ip);
    await this.rateLimiter.consume(RESET_REQUESTS_PER_ADDRESS, email);
    const user = await this.users.findByEmail(email);
    if (!user) return;
    await this.unitOfWork.transactional(() => this.links.mailPasswordReset(user));
  }
}
