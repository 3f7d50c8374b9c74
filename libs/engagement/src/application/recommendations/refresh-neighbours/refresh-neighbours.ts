import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import {
  ContentIndex,
  coWatchSimilarity,
  signalWeight,
  type Neighbor,
} from '../../../domain/recommendations/recommender.js';
import {
  NeighbourStore,
  RecommendationCache,
  SHARED_CACHE_OWNER,
  type CoCounts,
  type CoWatchSignal,
} from '../recommendation-ports.js';

/** Neighbours kept per video and kind. */
export const NEIGHBOURS_PER_VIDEO = 50;
/** Pairs read per recomputed video (most people first), of which the best 50 by similarity are kept. */
const PAIRS_READ = NEIGHBOURS_PER_VIDEO * 4;
/** Content lists refreshed per run (the rest wait for the next run). */
const CONTENT_PER_RUN = 2_000;

/** Signals folded per transaction: a backlog (a first run, a long outage) goes in bounded steps. */
export const SIGNALS_PER_BATCH = 5_000;
/** Co-watch lists recomputed per transaction. */
const LISTS_PER_BATCH = 1_000;
/** A run stops folding after this long, and stops recomputing lists after twice that; the next run goes on. */
const FOLD_BUDGET_MS = 60_000;

export interface NeighbourRefreshResult {
  signals: number;
  /** Batches that folded signals in. */
  batches: number;
  coWatchLists: number;
  contentLists: number;
  /** Signals were left for the next run (the time budget ran out). */
  more: boolean;
}

export interface NeighbourRefreshOptions {
  now?: Date;
  batchSize?: number;
}

/**
 * Folds the signals committed since the last run into co-watch pair counts (each person adds at
 * most one to a pair, and pairs a new video with at most `RECS_COWATCH_PARTNERS` of their recent
 * ones), marking the videos whose pairs moved; then recomputes the marked videos' co-watch lists from
 * their strongest pairs, each once however many batches touched it, and the content lists of videos
 * whose features changed, with their neighbours' (docs/adr/0044). Every batch is a transaction of its
 * own (folding moves the cursor and marks; recomputing takes marks off), so memory stays bounded and a
 * crash between the two loses no recompute. Runs are serialised.
 */
@Injectable()
export class RefreshNeighbours {
  private readonly logger = new Logger('engagement.recommendations');

  constructor(
    private readonly store: NeighbourStore,
    private readonly cache: RecommendationCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async run({
    now = new Date(),
    batchSize = SIGNALS_PER_BATCH,
  }: NeighbourRefreshOptions = {}): Promise<NeighbourRefreshResult> {
    const result: NeighbourRefreshResult = { signals: 0, batches: 0, coWatchLists: 0, contentLists: 0, more: true };
    const started = Date.now();
    let unfolded = true;
    while (unfolded && Date.now() - started < FOLD_BUDGET_MS) {
      const batch = await this.foldBatch(now, batchSize);
      if (batch.signals) result.batches += 1;
      result.signals += batch.signals;
      unfolded = batch.more;
    }
    let marked = true;
    while (marked && Date.now() - started < 2 * FOLD_BUDGET_MS) {
      const lists = await this.recomputeBatch(now);
      result.coWatchLists += lists;
      marked = lists === LISTS_PER_BATCH;
    }
    result.more = unfolded || marked;
    result.contentLists = await this.unitOfWork.transactional(async () => {
      await this.store.lock();
      const content = await this.contentLists();
      await this.store.saveNeighbours('content', content, now);
      return content.size;
    });
    this.logger.debug(
      `neighbours: ${result.signals} signals in ${result.batches} batches, ${result.coWatchLists} co-watch, ${result.contentLists} content lists`,
    );
    // Popularity counts people from the co-watch members: the shared candidate lists are stale now.
    await this.cache.forget(SHARED_CACHE_OWNER);
    return result;
  }

  private foldBatch(now: Date, batchSize: number): Promise<{ signals: number; more: boolean }> {
    return this.unitOfWork.transactional(async () => {
      await this.store.lock();
      const { signals, position, more } = await this.store.signalsSinceCursor(batchSize);
      const members = coWatchMembers(signals, now);
      const changed = await this.store.addMembers(members, this.config.recommendations.coWatchPartners);
      // Videos that gained members and both sides of every moved pair: recomputed once after folding.
      await this.store.markDirty([
        ...new Set([...changed.fresh, ...changed.pairs.flatMap((pair) => [pair.a, pair.b])]),
      ]);
      await this.store.saveCursor(position);
      return { signals: signals.length, more };
    });
  }

  /** Recomputes up to LISTS_PER_BATCH marked videos' co-watch lists; answers how many. */
  private recomputeBatch(now: Date): Promise<number> {
    return this.unitOfWork.transactional(async () => {
      await this.store.lock();
      const videoIds = await this.store.takeDirty(LISTS_PER_BATCH);
      if (!videoIds.length) return 0;
      const lists = coWatchLists(videoIds, await this.store.coCounts(videoIds, PAIRS_READ));
      await this.store.saveNeighbours('co_watch', lists, now);
      return videoIds.length;
    });
  }

  private async contentLists(): Promise<Map<string, Neighbor[]>> {
    const lists = new Map<string, Neighbor[]>();
    const stale = await this.store.staleContent(CONTENT_PER_RUN);
    if (!stale.length) return lists;
    const index = new ContentIndex(await this.store.allFeatures());
    for (const videoId of stale) lists.set(videoId, index.similar(videoId, NEIGHBOURS_PER_VIDEO));
    // A changed video may now belong in its neighbours' lists too (similarity is symmetric).
    const around = new Set(stale.flatMap((videoId) => lists.get(videoId)!.map((neighbour) => neighbour.videoId)));
    for (const videoId of around) {
      if (lists.size >= CONTENT_PER_RUN * 2) break;
      if (!lists.has(videoId)) lists.set(videoId, index.similar(videoId, NEIGHBOURS_PER_VIDEO));
    }
    return lists;
  }
}

/** Each (person, video) with a positive signal once; watch time below a view is no taste yet. */
export function coWatchMembers(
  signals: CoWatchSignal[],
  now: Date,
): Array<{ personId: string; videoId: string; at: Date }> {
  const members = new Map<string, { personId: string; videoId: string; at: Date }>();
  for (const signal of signals) {
    if (signal.kind === 'watch_time' || signalWeight(signal, now) <= 0) continue;
    const key = `${signal.personId}:${signal.videoId}`;
    const known = members.get(key);
    if (!known || known.at > signal.at)
      members.set(key, { personId: signal.personId, videoId: signal.videoId, at: signal.at });
  }
  // Oldest first, so a person's videos pair in the order they were watched.
  return [...members.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Each touched video's partners by damped co-watch similarity, best first. */
export function coWatchLists(touched: string[], counts: CoCounts): Map<string, Neighbor[]> {
  const wanted = new Set(touched);
  const lists = new Map<string, Neighbor[]>(touched.map((videoId) => [videoId, []]));
  for (const { a, b, people } of counts.pairs) {
    const similarity = coWatchSimilarity(people, counts.people.get(a) ?? 0, counts.people.get(b) ?? 0);
    if (wanted.has(a)) lists.get(a)!.push({ videoId: b, similarity });
    if (wanted.has(b)) lists.get(b)!.push({ videoId: a, similarity });
  }
  for (const [videoId, list] of lists) lists.set(videoId, best(list));
  return lists;
}

function best(list: Neighbor[]): Neighbor[] {
  return list
    .sort((x, y) => y.similarity - x.similarity || x.videoId.localeCompare(y.videoId))
    .slice(0, NEIGHBOURS_PER_VIDEO);
}
