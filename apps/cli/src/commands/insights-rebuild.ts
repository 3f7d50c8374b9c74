import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Presets, SingleBar } from 'cli-progress';
import { RebuildRollupsCommand } from '@lib/insights';
import type { CliContext } from '../cli-context.js';

/** Rebuilds the insights rollups (hourly, then daily) of a range from the raw events; safe to run again. */
export async function insightsRebuild(
  context: CliContext,
  from: string | undefined,
  to: string | undefined,
): Promise<void> {
  if (!from || !to) throw new Error('Usage: npm run cli -- insights:rebuild --from <ISO date> --to <ISO date>');
  const app = await context.app();
  const bar = new SingleBar(
    { format: 'rollups |{bar}| {percentage}% {value}/{total} buckets, {eta_formatted} left', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1, 0);
  try {
    const command = new RebuildRollupsCommand(new Date(from), new Date(to), (done, total) => {
      bar.setTotal(total);
      bar.update(done);
    });
    const result = await RequestContext.create(app.get(MikroORM).em, () => app.get(CommandBus).execute(command));
    bar.stop();
    console.log(`Rebuilt ${result.hours} hour(s) and ${result.days} day(s) of rollups.`);
  } catch (error) {
    bar.stop();
    throw error;
  }
}
