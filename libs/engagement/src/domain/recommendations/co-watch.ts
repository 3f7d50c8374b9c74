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
  /** Videos are numbered on first sight: integer keys keep the pair maps small and fast. */
  private readonly numbers = new Map<string, number>();
  private readonly videoIds: string[] = [];
  private readonly viewers: number[] = [];
  private readonly pairs: Array<Map<number, number>> = [];
  /** The videos each person is counted for (all of them) and their latest ones (for pairing). */
  private readonly counted = new Map<string, Set<number>>();
  private readonly latest = new Map<string, number[]>();
  private pairCount = 0;

  constructor(options: CoWatchOptions = {}) {
    this.maxHistory = options.maxHistoryPerPerson ?? 100;
    this.minCoCount = options.minCoCount ?? 1;
  }

  /** Records that a person engaged with a video; false when they were already counted for it. */
  add(personId: string, videoId: string): boolean {
    const video = this.number(videoId);
    let counted = this.counted.get(personId);
    if (!counted) this.counted.set(personId, (counted = new Set()));
    if (counted.has(video)) return false;
    counted.add(video);
    this.viewers[video]++;
    let latest = this.latest.get(personId);
    if (!latest) this.latest.set(personId, (latest = []));
    const row = this.pairs[video];
    for (const other of latest) {
      const before = row.get(other) ?? 0;
      if (before === 0) this.pairCount++;
      row.set(other, before + 1);
      const otherRow = this.pairs[other];
      otherRow.set(video, (otherRow.get(video) ?? 0) + 1);
    }
    latest.push(video);
    if (latest.length > this.maxHistory) latest.shift();
    return true;
  }

  /** How many people engaged with the video. */
  count(videoId: string): number {
    const video = this.numbers.get(videoId);
    return video === undefined ? 0 : this.viewers[video];
  }

  /** How many people engaged with both videos. */
  coCount(a: string, b: string): number {
    const [first, second] = [this.numbers.get(a), this.numbers.get(b)];
    return first === undefined || second === undefined ? 0 : (this.pairs[first].get(second) ?? 0);
  }

  similarity(a: string, b: string): number {
    return coWatchSimilarity(this.coCount(a, b), this.count(a), this.count(b));
  }

  /** The most similar videos, best first (ties by id, so lists are stable). */
  neighbors(videoId: string, limit: number): Neighbor[] {
    const video = this.numbers.get(videoId);
    if (video === undefined || limit <= 0) return [];
    const own = this.viewers[video];
    const neighbors: Neighbor[] = [];
    for (const [other, co] of this.pairs[video]) {
      if (co < this.minCoCount) continue;
      neighbors.push({ videoId: this.videoIds[other], similarity: coWatchSimilarity(co, own, this.viewers[other]) });
    }
    neighbors.sort((a, b) => b.similarity - a.similarity || (a.videoId < b.videoId ? -1 : 1));
    return neighbors.slice(0, limit);
  }

  /** Sizes, for logs and the benchmark. */
  stats(): { people: number; videos: number; pairs: number } {
    return { people: this.counted.size, videos: this.videoIds.length, pairs: this.pairCount };
  }

  private number(videoId: string): number {
    let video = this.numbers.get(videoId);
    if (video === undefined) {
      video = this.videoIds.push(videoId) - 1;
      this.numbers.set(videoId, video);
      this.viewers.push(0);
      this.pairs.push(new Map());
    }
    return video;
  }
}
