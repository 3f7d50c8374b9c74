import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { RecomputeTrending } from '@lib/engagement';
import type { CliContext } from '../cli-context.js';

/** Recomputes the trending lists now, as the worker's scheduled job does. */
export async function trendingRecompute(context: CliContext): Promise<void> {
  const app = await context.app();
  const result = await RequestContext.create(app.get(MikroORM).em, () => app.get(RecomputeTrending).run());
  console.log(
    `Trending recomputed at ${result.computedAt.toISOString()}: ${result.rows} list rows, ${result.changedVideos} video scores changed.`,
  );
}
