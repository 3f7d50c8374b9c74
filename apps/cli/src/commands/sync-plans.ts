import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Presets, SingleBar } from 'cli-progress';
import { SyncPlansCommand } from '@lib/billing';
import type { CliContext } from '../cli-context.js';

/** Mirrors the plan catalogue to the payment provider (products and prices); safe to run again. */
export async function syncPlans(context: CliContext): Promise<void> {
  const app = await context.app();
  const bar = new SingleBar(
    { format: 'plans |{bar}| {value}/{total} {plan}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1, 0, { plan: '' });
  try {
    const command = new SyncPlansCommand((done, total, plan) => {
      bar.setTotal(total);
      bar.update(done, { plan });
    });
    const results = await RequestContext.create(app.get(MikroORM).em, () => app.get(CommandBus).execute(command));
    bar.stop();
    for (const result of results) {
      const changes = [
        result.createdPrices.length ? `${result.createdPrices.length} price(s) created` : '',
        result.deactivatedPrices.length ? `${result.deactivatedPrices.length} retired` : '',
      ].filter(Boolean);
      console.log(
        `${result.planId}: product ${result.productId}${changes.length ? `, ${changes.join(', ')}` : ', up to date'}`,
      );
    }
  } catch (error) {
    bar.stop();
    throw error;
  }
}
