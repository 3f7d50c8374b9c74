import { SearchRebuildFailedError } from './search-errors.js';
import type { IndexDefinition, SearchDocument, SearchIndex } from './search-index.js';

/** Where a rebuild reads an index's documents from: the owning context's source of truth. */
export interface SearchIndexSource<T extends object = Record<string, unknown>> {
  definition: IndexDefinition;
  /** Documents a full rebuild will write (for progress). */
  count(): Promise<number>;
  /** Every document in batches; with changedSince, only those changed at or after it. */
  batches(options: { batchSize: number; changedSince?: Date }): AsyncIterable<SearchDocument<T>[]>;
}

export interface RebuildOptions {
  /** Documents per read and per write. Default 500. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** The catch-up pass starts this much before the rebuild did, absorbing clock skew with the source. Default 5 s. */
  catchUpOverlapMs?: number;
}

export interface RebuildResult {
  version: number;
  physicalName: string;
  /** Documents written into the new version (both passes). */
  written: number;
  /** Documents the new version already held at that version or newer (written through the alias meanwhile). */
  stale: number;
}

/**
 * Rebuilds an index with no downtime: writes every document into a new version while the alias keeps
 * serving the old one, replays what changed meanwhile, then swaps the alias. Nothing is promoted when
 * a document fails: the error lists them and the live version stays as it was.
 */
export async function rebuildIndex<T extends object>(
  search: SearchIndex,
  source: SearchIndexSource<T>,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 500;
  const startedAt = new Date(Date.now() - (options.catchUpOverlapMs ?? 5_000));
  const total = await source.count();
  const target = await search.createVersion(source.definition);

  const outcome = { written: 0, stale: 0, failed: [] as { id: string; reason: string }[] };
  const write = async (batch: SearchDocument<T>[]) => {
    const result = await search.upsertInto(target, batch as unknown as SearchDocument[]);
    outcome.written += result.written;
    outcome.stale += result.stale;
    outcome.failed.push(...result.failed);
  };

  let done = 0;
  options.onProgress?.(done, total);
  for await (const batch of source.batches({ batchSize })) {
    await write(batch);
    done += batch.length;
    options.onProgress?.(done, Math.max(total, done));
  }
  // Writes made through the alias during the full pass went to the old version: replay them.
  for await (const batch of source.batches({ batchSize, changedSince: startedAt })) await write(batch);

  if (outcome.failed.length > 0)
    throw new SearchRebuildFailedError(source.definition.name, target.physicalName, outcome.failed);
  await search.promote(target);
  return { version: target.version, physicalName: target.physicalName, written: outcome.written, stale: outcome.stale };
}
