import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { PlanRepository } from '../../../domain/plan/plan.repository.js';
import { PaymentProvider } from '../../payment-provider.js';
import { PlanCatalogue } from '../../plan-catalogue.js';
import { SyncPlansCommand, type PlanSyncResult } from './sync-plans.command.js';

@CommandHandler(SyncPlansCommand)
export class SyncPlansHandler implements ICommandHandler<SyncPlansCommand> {
  constructor(
    private readonly plans: PlanRepository,
    private readonly provider: PaymentProvider,
    private readonly catalogue: PlanCatalogue,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ onProgress }: SyncPlansCommand) {
    const results: PlanSyncResult[] = [];
    const all = (await this.plans.all()).filter((plan) => !plan.isFree);
    for (const [index, plan] of all.entries()) {
      const known = await this.plans.pricesOf(plan.id);
      const synced = await this.provider.syncPlan(plan, known);
      await this.unitOfWork.transactional(async () => {
        plan.linkProduct(synced.productId);
        for (const price of known) if (synced.deactivated.includes(price.providerPriceId)) price.active = false;
        this.plans.add(plan, ...known, ...synced.created);
      });
      results.push({
        planId: plan.id,
        productId: synced.productId,
        createdPrices: synced.created.map((p) => p.providerPriceId),
        deactivatedPrices: synced.deactivated,
      });
      onProgress?.(index + 1, all.length, plan.id);
    }
    this.catalogue.invalidate();
    return results;
  }
}
