import { CoWatchModel } from './co-watch.js';
import { ContentIndex } from './content-index.js';
import type { InteractionLog } from './interaction-log.js';
import { rank } from './ranking.js';
import { baseWeight, profileFromSignals } from './signals.js';
import {
  STRATEGIES,
  type HybridInput,
  type InteractionSignal,
  type Neighbor,
  type Strategy,
  type VideoFeatures,
} from './types.js';

export interface EvaluationOptions {
  /** `leave-last-out` (default) or `time`: everything before `splitAt` trains, what comes after tests. */
  split?: 'leave-last-out' | 'time';
  /** The time split's moment; by default when 80 % of the signals had happened. */
  splitAt?: Date;
  /** List length and cut-off of the metrics. */
  k?: number;
  strategies?: readonly Strategy[];
  /** A person is evaluated when they engaged positively with at least this many videos. */
  minHistory?: number;
  /** Neighbours asked of each model per recent video. */
  neighbors?: number;
  /** Popular videos handed to the ranker (cold start and filler). */
  popularLimit?: number;
  seed?: number;
  onProgress?: (done: number, total: number, step: string) => void;
}

export interface StrategyMetrics {
  strategy: Strategy;
  /** Share of people with a held-out video in their top k. */
  hitRate: number;
  /** Mean DCG / ideal DCG, DCG = Σ 1 / log2(1 + position) over the held-out videos listed (leave-last-out: one video, IDCG = 1). */
  ndcg: number;
  /** Distinct recommended videos over the catalog. */
  coverage: number;
  /** Mean share of pairs in a list with different creators. */
  creatorDiversity: number;
  /** Mean share of pairs in a list with different categories. */
  categoryDiversity: number;
}

export interface EvaluationReport {
  method: 'leave-last-out' | 'time-split';
  /** The time split's moment. */
  splitAt: Date | null;
  k: number;
  people: number;
  evaluated: number;
  videos: number;
  interactions: number;
  strategies: StrategyMetrics[];
}

/**
 * Leave-last-out: for each person with at least `minHistory` videos they engaged with positively
 * (a signal of positive base weight), the last such video (by its first positive signal) is held
 * out together with everything the person did from that moment on. The models learn from all other
 * signals (other people's whole histories, this person's earlier ones); the person's profile is
 * computed as of the held-out moment, every video they touched before is excluded, and each
 * strategy's top k is scored against the held-out video.
 *
 * Time split: everything before `splitAt` trains (nobody's future leaks, popularity included); a
 * person with at least `minHistory − 1` such videos and at least one new video engaged with after
 * it is evaluated against all those new videos, with their profile as of `splitAt`.
 */
export function evaluateOffline(log: InteractionLog, options: EvaluationOptions = {}): EvaluationReport {
  const k = options.k ?? 10;
  const strategies = options.strategies ?? STRATEGIES;
  const minHistory = options.minHistory ?? 3;
  const neighborLimit = options.neighbors ?? 50;
  const progress = options.onProgress ?? (() => undefined);

  const features = featuresOf(log);
  const signals = [...log.signals].sort((a, b) => a.at.getTime() - b.at.getTime());
  const byPerson = new Map<string, InteractionSignal[]>();
  for (const signal of signals) {
    const own = byPerson.get(signal.personId);
    if (own) own.push(signal);
    else byPerson.set(signal.personId, [signal]);
  }

  // The held-out videos and moment of each evaluated person.
  const heldOut = new Map<string, { relevant: Set<string>; at: Date }>();
  const timeSplit = options.split === 'time';
  const splitAt = timeSplit ? (options.splitAt ?? signals[Math.floor(signals.length * 0.8)]?.at ?? new Date(0)) : null;
  for (const [personId, own] of byPerson) {
    const firstPositive = new Map<string, Date>();
    for (const signal of own)
      if (baseWeight(signal.kind, signal.value) > 0 && !firstPositive.has(signal.videoId))
        firstPositive.set(signal.videoId, signal.at);
    if (splitAt) {
      const touchedBefore = new Set(own.filter((s) => s.at < splitAt).map((s) => s.videoId));
      const before = [...firstPositive.values()].filter((at) => at < splitAt).length;
      const after = [...firstPositive.keys()].filter((v) => !touchedBefore.has(v) && features.has(v));
      if (before >= minHistory - 1 && after.length) heldOut.set(personId, { relevant: new Set(after), at: splitAt });
      continue;
    }
    if (firstPositive.size < minHistory) continue;
    const [videoId, at] = [...firstPositive].at(-1) as [string, Date];
    if (features.has(videoId)) heldOut.set(personId, { relevant: new Set([videoId]), at });
  }
  const isTraining = (signal: InteractionSignal) => {
    if (splitAt) return signal.at < splitAt;
    const cut = heldOut.get(signal.personId);
    return !cut || signal.at.getTime() < cut.at.getTime();
  };

  progress(0, heldOut.size, 'training');
  const coWatch = new CoWatchModel();
  const popularity = new Map<string, number>();
  for (const signal of signals) {
    if (!isTraining(signal) || baseWeight(signal.kind, signal.value) <= 0) continue;
    if (coWatch.add(signal.personId, signal.videoId))
      popularity.set(signal.videoId, (popularity.get(signal.videoId) ?? 0) + 1);
  }
  const popular = [...popularity]
    .map(([videoId, score]) => ({ videoId, score }))
    .sort((a, b) => b.score - a.score || (a.videoId < b.videoId ? -1 : 1))
    .slice(0, options.popularLimit ?? 300);
  const content = new ContentIndex([...features.values()]);
  const memo = (lookup: (videoId: string) => Neighbor[]) => {
    const cache = new Map<string, Neighbor[]>();
    return (videoId: string) => {
      let neighbors = cache.get(videoId);
      if (!neighbors) cache.set(videoId, (neighbors = lookup(videoId)));
      return neighbors;
    };
  };
  const coWatchOf = memo((videoId) => coWatch.neighbors(videoId, neighborLimit));
  const contentOf = memo((videoId) => content.similar(videoId, neighborLimit));
  const newestFirst = [...features.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const byCreator = new Map<string, VideoFeatures[]>();
  for (const video of newestFirst) {
    const own = byCreator.get(video.creatorId);
    if (own) own.push(video);
    else byCreator.set(video.creatorId, [video]);
  }
  const followsOf = new Map<string, InteractionLog['follows']>();
  for (const follow of log.follows) followsOf.set(follow.personId, [...(followsOf.get(follow.personId) ?? []), follow]);

  const totals = new Map(
    strategies.map((strategy) => [
      strategy,
      { hits: 0, gain: 0, shown: new Set<string>(), creatorDiversity: 0, categoryDiversity: 0 },
    ]),
  );
  let done = 0;
  for (const [personId, target] of heldOut) {
    const now = target.at;
    const history = (byPerson.get(personId) ?? []).filter(isTraining);
    const followed = new Set(
      (followsOf.get(personId) ?? []).filter((f) => f.at.getTime() <= now.getTime()).map((f) => f.creatorId),
    );
    const profile = profileFromSignals(history, now, { followedCreators: followed });
    const person = { ...profile, excludedVideos: new Set(history.map((signal) => signal.videoId)) };
    const recent = person.recent.slice(0, 20);
    const published = (video: VideoFeatures) => video.publishedAt.getTime() <= now.getTime();
    const input: HybridInput = {
      person,
      coWatch: new Map(recent.map(({ videoId }) => [videoId, coWatchOf(videoId)])),
      content: new Map(recent.map(({ videoId }) => [videoId, contentOf(videoId)])),
      features,
      popular,
      fromFollowed: [...followed]
        .flatMap((creatorId) => (byCreator.get(creatorId) ?? []).filter(published).slice(0, 10))
        .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
        .slice(0, 20)
        .map((video) => video.videoId),
      newest: firstPublished(newestFirst, now, 50),
      now,
    };
    for (const strategy of strategies) {
      const list = rank(input, { count: k, strategy, seed: (options.seed ?? 0) * 100_003 + done });
      const total = totals.get(strategy)!;
      let gain = 0;
      list.forEach((item, position) => {
        if (target.relevant.has(item.videoId)) gain += 1 / Math.log2(position + 2);
      });
      let ideal = 0;
      for (let position = 0; position < Math.min(k, target.relevant.size); position++)
        ideal += 1 / Math.log2(position + 2);
      if (gain > 0) total.hits++;
      total.gain += gain / ideal;
      for (const item of list) total.shown.add(item.videoId);
      const listed = list.map((item) => features.get(item.videoId) as VideoFeatures);
      total.creatorDiversity += pairwiseDifference(listed, (video) => video.creatorId);
      total.categoryDiversity += pairwiseDifference(listed, (video) => video.category);
    }
    if (++done % 50 === 0) progress(done, heldOut.size, 'ranking');
  }
  progress(done, heldOut.size, 'done');

  const evaluated = heldOut.size;
  const mean = (sum: number) => (evaluated ? sum / evaluated : 0);
  return {
    method: splitAt ? 'time-split' : 'leave-last-out',
    splitAt,
    k,
    people: byPerson.size,
    evaluated,
    videos: features.size,
    interactions: log.signals.length,
    strategies: strategies.map((strategy) => {
      const total = totals.get(strategy)!;
      return {
        strategy,
        hitRate: mean(total.hits),
        ndcg: mean(total.gain),
        coverage: features.size ? total.shown.size / features.size : 0,
        creatorDiversity: mean(total.creatorDiversity),
        categoryDiversity: mean(total.categoryDiversity),
      };
    }),
  };
}

/** The videos file's features, plus bare ones (no creator, no category) for ids only the log names. */
function featuresOf(log: InteractionLog): Map<string, VideoFeatures> {
  const features = new Map(log.videos.map((video) => [video.videoId, video]));
  for (const { videoId } of log.signals)
    if (!features.has(videoId))
      features.set(videoId, {
        videoId,
        creatorId: '',
        category: null,
        language: null,
        tags: [],
        seriesId: null,
        durationSeconds: null,
        title: '',
        description: '',
        publishedAt: new Date(0),
      });
  return features;
}

/** The `limit` newest videos published by `now` (`newestFirst` is sorted newest first). */
function firstPublished(newestFirst: readonly VideoFeatures[], now: Date, limit: number): string[] {
  let [low, high] = [0, newestFirst.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (newestFirst[middle].publishedAt.getTime() > now.getTime()) low = middle + 1;
    else high = middle;
  }
  return newestFirst.slice(low, low + limit).map((video) => video.videoId);
}

function pairwiseDifference<T>(items: readonly T[], key: (item: T) => unknown): number {
  let pairs = 0;
  let different = 0;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      pairs++;
      if (key(items[i]) !== key(items[j])) different++;
    }
  return pairs ? different / pairs : 0;
}
