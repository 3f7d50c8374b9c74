import { SingleBar, Presets } from 'cli-progress';
import { rebuildIndex, SearchIndex, SearchIndexCatalog } from '@lib/platform';
import type { CliContext } from '../cli-context.js';

/** Rebuilds an index from its source into a new version, then swaps the alias (no downtime). */
export async function reindex(context: CliContext, indexName: string | undefined, batchSize: number): Promise<void> {
  const app = await context.app();
  const catalog = app.get(SearchIndexCatalog);
  const known = catalog.all().map((source) => source.definition.name);
  const source = indexName ? catalog.get(indexName) : undefined;
  if (!source) throw new Error(`Which index? \`npm run search:reindex -- <index>\`, one of: ${known.join(', ')}`);

  const bar = new SingleBar(
    { format: `${indexName} |{bar}| {percentage}% {value}/{total} documents, {eta_formatted} left`, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(await source.count(), 0);
  try {
    const result = await rebuildIndex(app.get(SearchIndex), source, {
      batchSize,
      onProgress: (done, total) => {
        bar.setTotal(Math.max(total, done));
        bar.update(done);
      },
    });
    bar.stop();
    console.log(`${indexName}: version ${result.version} is live with ${result.written} documents.`);
  } catch (error) {
    bar.stop();
    throw error;
  }
}
