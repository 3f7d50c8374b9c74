import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../../domain/password-hasher.js';
import { normalizeEmail } from '../../../domain/user/profile-values.js';
import { User } from '../../../domain/user/user.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { assertAcceptablePassword } from '../../password-policy.js';
import { EnsureAdminCommand, type EnsureAdminOutcome } from './ensure-admin.command.js';

/**
 * Creates the admin when missing, or grants the role to an existing account. An existing password is
 * never overwritten: restarting with ADMIN_PASSWORD set must not reset what the admin changed since.
 */
@CommandHandler(EnsureAdminCommand)
export class EnsureAdminHandler implements ICommandHandler<EnsureAdminCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: EnsureAdminCommand): Promise<{ outcome: EnsureAdminOutcome; userId: string }> {
    const email = normalizeEmail(command.email);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (existing.hasRole('admin')) return { outcome: 'unchanged', userId: existing.id };
      existing.setRoles([...existing.roles, 'admin']);
      await this.users.save(existing);
      return { outcome: 'promoted', userId: existing.id };
    }
    const handle = await this.freeHandle(command.handle ?? 'admin');
    assertAcceptablePassword(command.password, { email, handle });
    const admin = User.register({
      email,
      handle,
      displayName: 'Administrator',
      passwordHash: await this.hasher.hash(command.password),
      roles: ['admin'],
      allowReservedHandle: true,
    });
    await this.users.save(admin);
    return { outcome: 'created', userId: admin.id };
  }

  private async freeHandle(wanted: string): Promise<string> {
    for (let suffix = 0; ; suffix++) {
      const candidate = suffix ? `${wanted}${suffix}` : wanted;
      if (!(await this.users.findByHandle(candidate))) return candidate;
    }
  }
}
