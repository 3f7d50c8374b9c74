import { inRequestContext } from '@lib/platform';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { EmailAlreadyTakenError } from '../../domain/user/user.errors.js';
import { EnsureAdminCommand } from '../../application/commands/ensure-admin/ensure-admin.command.js';
import { EnsureAdminHandler } from '../../application/commands/ensure-admin/ensure-admin.handler.js';

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, the first admin exists once the process is up (a boot hook with its own ORM context). */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    // The handler itself: CQRS wires its bus during this same bootstrap phase.
    private readonly ensureAdmin: EnsureAdminHandler,
    private readonly orm: MikroORM,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const ensure = () =>
      inRequestContext(this.orm.em, () =>
        this.ensureAdmin.execute(new EnsureAdminCommand(admin.email, admin.password)),
      );
    // The API and the worker may both start at once; the loser of the race finds the account on retry.
    const result = await ensure().catch((error: unknown) => {
      if (error instanceof EmailAlreadyTakenError) return ensure();
      throw error;
    });
    if (result.outcome !== 'unchanged')
      this.logger.log({ email: admin.email, outcome: result.outcome }, 'admin account ensured');
  }
}
