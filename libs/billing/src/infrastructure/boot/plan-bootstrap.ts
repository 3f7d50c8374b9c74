import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { ProcessRole, UnitOfWork, inRequestContext } from '@lib/platform';
import { DEFAULT_CATALOGUE } from '../../domain/plan/default-catalogue.js';
import { Plan } from '../../domain/plan/plan.js';
import { PlanRepository } from '../../domain/plan/plan.repository.js';
import { SyncPlansHandler } from '../../application/commands/sync-plans/sync-plans.handler.js';
import { SyncPlansCommand } from '../../application/commands/sync-plans/sync-plans.command.js';

/**
 * A new deployment starts with the default catalogue (missing plans are added, existing ones are
 * never overwritten). On the sandbox the plans are also mirrored to the emulator at once; with real
 * Stripe an operator runs `billing:sync-plans`.
 * A boot hook outside any request, so it opens its own ORM context: hence infrastructure.
 */
@Injectable()
export class PlanBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlanBootstrap.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly plans: PlanRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly sync: SyncPlansHandler,
    private readonly config: AppConfig,
    private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await inRequestContext(this.orm.em, () =>
      this.unitOfWork.transactional(async () => {
        // Processes booting together on one database take turns: the next one finds the plans and prices made.
        await this.orm.em.execute(`select pg_advisory_xact_lock(hashtextextended('billing:plan-bootstrap', 0))`);
        const existing = new Set((await this.plans.all()).map((plan) => plan.id));
        const missing = DEFAULT_CATALOGUE.filter((definition) => !existing.has(definition.id));
        if (missing.length) {
          this.plans.add(...missing.map((definition) => Plan.define(definition)));
          await this.orm.em.flush();
        }
        // One process syncs the sandbox: the worker (or standalone), not every API node.
        if (this.config.billing.provider === 'sandbox' && this.role.worker) {
          const synced = await this.sync.execute(new SyncPlansCommand());
          const created = synced.reduce((count, plan) => count + plan.createdPrices.length, 0);
          if (created) this.logger.log({ created }, 'sandbox prices created');
        }
      }),
    );
  }
}
