import { Command } from '@nestjs/cqrs';

export type EnsureAdminOutcome = 'created' | 'promoted' | 'unchanged';

/** Makes sure an admin account exists for this email (boot from ADMIN_EMAIL, or the CLI). */
export class EnsureAdminCommand extends Command<{ outcome: EnsureAdminOutcome; userId: string }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly handle?: string,
  ) {
    super();
  }
}
