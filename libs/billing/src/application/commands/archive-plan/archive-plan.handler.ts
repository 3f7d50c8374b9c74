import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '@lib/trust-safety/contracts';
import { FREE_PLAN_ID } from '../../../domain/plan/default-catalogue.js';
import { PlanRepository } from '../../../domain/plan/plan.repository.js';
import { InvalidPlanError, PlanNotFoundError } from '../../../domain/plan/plan.errors.js';
import { PlanCatalogue } from '../../plan-catalogue.js';
import { toPlanView } from '../../plan-views.js';
import { ArchivePlanCommand } from './archive-plan.command.js';

/** Archived plans are not sold any more; their subscribers keep renewing on them. */
@CommandHandler(ArchivePlanCommand)
export class ArchivePlanHandler implements ICommandHandler<ArchivePlanCommand> {
  constructor(
    private readonly plans: PlanRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ planId, archived, actorId }: ArchivePlanCommand) {
    if (planId === FREE_PLAN_ID && archived)
      throw new InvalidPlanError('The free plan is where every unpaid account lands; it cannot be archived');
    const plan = await this.unitOfWork.transactional(async () => {
      const found = await this.plans.byId(planId);
      if (!found) throw new PlanNotFoundError(planId);
      if (archived ? found.archive() : found.unarchive()) {
        this.plans.add(found);
        await this.audit.record({
          actorId,
          action: archived ? 'billing.plan.archived' : 'billing.plan.unarchived',
          target: { type: 'plan', id: planId },
        });
      }
      return found;
    });
    this.catalogue.invalidate();
    return toPlanView(plan);
  }
}
