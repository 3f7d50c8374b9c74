import type { Neighbor } from './types.js';

/** Pairs seen together by few people are shrunk towards 0: co / (co + 2) is ⅓ for one person, ⅔ for four. */
export const CO_WATCH_SHRINKAGE = 2;

/**
 * Item-to-item similarity from co-watch counts: cosine over the people who watched each video
 * (co / √(countA · countB)), so a video everybody watches is not everybody's neighbour (popularity
 * damping), times a significance shrinkage so a pair two people happened to watch does not score 1.
 */
export function coWatchSimilarity(coCount: number, countA: number, countB: number): number {
  if (coCount <= 0) return 0;
  const cosine = Math.min(1, coCount / Math.sqrt(Math.max(1, countA) * Math.max(1, countB)));
  return cosine * (coCount / (coCount + CO_WATCH_SHRINKAGE));
}

export interface CoWatchOptions {
  /**
   * A person's new video pairs with at most this many of their latest ones: bounds the work of one
   * interaction and what one account (a bot watching everything) adds to the model.
   */
  maxHistoryPerPerson?: number;
  /** Pairs co-watched by fewer people are not neighbours. */
  minCoCount?: number;
}

/**
 * Co-watch counts kept up to date one interaction at a time (no recompute): `add` a person's positive
 * interaction with a video and every pair it forms with the person's recent videos counts once more.
 * Each account counts at most once per video and once per pair, however often it watches them, so one
 * account cannot inflate a pair. Neighbours are computed from the current counts when asked.
 */
export class CoWatchModel {
  private readonly maxHistory: number;
  private readonly minCoCount: number;
  /** The videos each person is counted for (all of them) and their latest ones (for pairing). */
  private readonly counted = new Map<string, Set<string>>();
  private readonly latest = new Map<string, string[]>();
  private readonly viewers = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, number>>();
  private pairCount = 0;

  constructor(options: CoWatchOptions = {}) {
    this.maxHistory = options.maxHistoryPerPerson ?? 100;
    this.minCoCount = options.minCoCount ?? 1;
  }

  /** Records that a person engaged with a video; false when they were already counted for it. */
  add(personId: string, videoId: string): boolean {
    let counted = this.counted.get(personId);
    if (!counted) this.counted.set(personId, (counted = new Set()));
    if (counted.has(videoId)) return false;
    counted.add(videoId);
    this.viewers.set(videoId, (this.viewers.get(videoId) ?? 0) + 1);
    let latest = this.latest.get(personId);
    if (!latest) this.latest.set(personId, (latest = []));
    for (const other of latest) {
      this.bump(videoId, other);
      this.bump(other, videoId);
    }
    latest.push(videoId);
    if (latest.length > this.maxHistory) latest.shift();
    return true;
  }

  /** How many people engaged with the video. */
  count(videoId: string): number {
    return this.viewers.get(videoId) ?? 0;
  }

  /** How many people engaged with both videos. */
  coCount(a: string, b: string): number {
    return this.pairs.get(a)?.get(b) ?? 0;
  }

  similarity(a: string, b: string): number {
    return coWatchSimilarity(this.coCount(a, b), this.count(a), this.count(b));
  }

  /** The most similar videos, best first (ties by id, so lists are stable). */
  neighbors(videoId: string, limit: number): Neighbor[] {
    const row = this.pairs.get(videoId);
    if (!row || limit <= 0) return [];
    const own = this.count(videoId);
    const neighbors: Neighbor[] = [];
    for (const [other, co] of row) {
      if (co < this.minCoCount) continue;
      neighbors.push({ videoId: other, similarity: coWatchSimilarity(co, own, this.count(other)) });
    }
    neighbors.sort((a, b) => b.similarity - a.similarity || (a.videoId < b.videoId ? -1 : 1));
    return neighbors.slice(0, limit);
  }

  /** Sizes, for logs and the benchmark. */
  stats(): { people: number; videos: number; pairs: number } {
    return { people: this.counted.size, videos: this.viewers.size, pairs: this.pairCount };
  }

  private bump(a: string, b: string): void {
    let row = this.pairs.get(a);
    if (!row) this.pairs.set(a, (row = new Map<string, number>()));
    const before = row.get(b) ?? 0;
    if (before === 0 && a < b) this.pairCount++;
    row.set(b, before + 1);
  }
}
