import { seededRandom } from './random.js';
import { decay, SIGNAL_WEIGHTS } from './signals.js';
import type { HybridInput, Neighbor, RankedItem, RankOptions, RecommendationReason, VideoFeatures } from './types.js';

const DAY_MS = 86_400_000;

/** The ranker's knobs, tuned on the planted synthetic log (README "Recommendations"). */
export const RANKING = {
  /** The person's latest videos whose neighbours are candidates. */
  recentLimit: 20,
  /** Hybrid blend of each source, each normalised to 0–1 first. */
  weights: { coWatch: 0.5, content: 0.3, followed: 0.3, popularity: 0.12, newest: 0.06 },
  /** Maximal marginal relevance: 1 = relevance only, 0 = diversity only. */
  mmrLambda: 0.75,
  /** How redundant two videos are for MMR: same creator 0.6, same category 0.4 (both: 1). */
  redundancy: { creator: 0.6, category: 0.4 },
  /** MMR looks at this many times `count` of the best candidates (at least 50). */
  mmrPoolFactor: 5,
  /** A video published now scores up to 15 % more; the boost halves every 7 days. */
  freshness: { boost: 0.15, halfLifeDays: 7 },
  /** A followed creator's new video matters for about two weeks. */
  followedHalfLifeDays: 14,
  /** A teased video (the plan cannot play it) keeps this share of its score. */
  lockedFactor: 0.8,
  /**
   * A neighbour of a video the person turned down keeps e^(−k·P) of its score, P = Σ over disliked videos of
   * (|weight| / a fresh dislike's weight) × similarity: the closest neighbour of a fresh dislike keeps 22 %.
   */
  dislikePenalty: 1.5,
} as const;

interface Candidate {
  videoId: string;
  score: number;
  reason: RecommendationReason;
  basedOn: string | null;
}

/**
 * Ranks, filters and diversifies the candidates for one person with the chosen strategy:
 * `random` (seeded shuffle of every known video), `popularity`, `item-cf` (co-watch neighbours of the
 * person's recent videos weighted by their decayed weights), `content` (the same with content
 * neighbours), `hybrid` (both, plus new from followed creators, popularity and the newest videos,
 * a freshness boost, then MMR across creators and categories). Every strategy but `random` tops up
 * with popular videos when its own candidates run out (cold start). Excluded videos, the person's
 * own recent videos, hidden creators, the category/creator filters, videos without features and
 * videos published after `now` are never returned.
 */
export function rank(input: HybridInput, options: RankOptions): RankedItem[] {
  const count = Math.max(0, Math.floor(options.count));
  if (count === 0) return [];
  const ranker = new Ranker(input, options);
  switch (options.strategy) {
    case 'random':
      return ranker.random(count);
    case 'popularity':
      return ranker.topUp([], count);
    case 'item-cf':
      return ranker.topUp(ranker.fromNeighbors(input.coWatch, 'because_you_watched'), count);
    case 'content':
      return ranker.topUp(ranker.fromNeighbors(input.content, 'similar_content'), count);
    case 'hybrid':
      return ranker.hybrid(count);
  }
}

class Ranker {
  private readonly recent: HybridInput['person']['recent'];
  private readonly likedCategories: Set<string>;
  /** The person's own recent videos: the basis of the list, never in it. */
  private readonly basis: Set<string>;
  /** Per video, the share of its score left after the person's dislikes (absent: 1). */
  private readonly dislikeFactors: Map<string, number>;

  constructor(
    private readonly input: HybridInput,
    private readonly options: RankOptions,
  ) {
    this.basis = new Set(input.person.recent.map((entry) => entry.videoId));
    this.recent = input.person.recent.filter((entry) => entry.weight > 0).slice(0, RANKING.recentLimit);
    this.likedCategories = new Set(
      this.recent.map((entry) => input.features.get(entry.videoId)?.category).filter((c): c is string => !!c),
    );
    this.dislikeFactors = dislikeFactors(input);
  }

  random(count: number): RankedItem[] {
    const pool = [...this.input.features.keys()].filter((videoId) => this.eligible(videoId)).sort();
    const next = seededRandom(this.options.seed ?? 0);
    const picked: Candidate[] = [];
    for (let i = 0; i < pool.length && picked.length < count; i++) {
      const j = i + Math.floor(next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      picked.push({ videoId: pool[i], score: 0, reason: 'trending', basedOn: null });
    }
    return picked.map((candidate) => this.item(candidate));
  }

  /** Candidates from the neighbours of the person's recent videos, best first. */
  fromNeighbors(neighbors: ReadonlyMap<string, Neighbor[]>, reason: RecommendationReason): Candidate[] {
    return [...this.neighborScores(neighbors).entries()]
      .map(([videoId, { score, basedOn }]) => ({
        videoId,
        score: score * this.dislikeFactor(videoId),
        reason,
        basedOn,
      }))
      .sort(byScore);
  }

  /** The given candidates, then popular videos until `count`. */
  topUp(candidates: Candidate[], count: number): RankedItem[] {
    const items: RankedItem[] = [];
    const seen = new Set<string>();
    const push = (candidate: Candidate) => {
      if (items.length >= count || seen.has(candidate.videoId) || !this.eligible(candidate.videoId)) return;
      seen.add(candidate.videoId);
      items.push(this.item(candidate));
    };
    for (const candidate of candidates) push(candidate);
    for (const { videoId, score } of this.input.popular)
      push({ videoId, score, reason: this.popularReason(videoId), basedOn: null });
    return items;
  }

  hybrid(count: number): RankedItem[] {
    const { weights } = RANKING;
    const blended = new Map<string, { parts: Array<[number, RecommendationReason, string | null]> }>();
    const add = (videoId: string, value: number, reason: RecommendationReason, basedOn: string | null) => {
      if (value <= 0 || !this.eligible(videoId)) return;
      const entry = blended.get(videoId) ?? { parts: [] };
      entry.parts.push([value, reason, basedOn]);
      blended.set(videoId, entry);
    };
    const addNormalised = (
      scores: Map<string, { score: number; basedOn: string | null }>,
      weight: number,
      reason: RecommendationReason,
    ) => {
      let max = 0;
      for (const entry of scores.values()) if (entry.score > max) max = entry.score;
      if (max > 0)
        for (const [videoId, { score, basedOn }] of scores) add(videoId, (weight * score) / max, reason, basedOn);
    };
    addNormalised(this.neighborScores(this.input.coWatch), weights.coWatch, 'because_you_watched');
    addNormalised(this.neighborScores(this.input.content), weights.content, 'similar_content');
    for (const videoId of this.input.fromFollowed)
      add(videoId, weights.followed * this.ageDecay(videoId, RANKING.followedHalfLifeDays), 'new_from_followed', null);
    const topPopularity = this.input.popular[0]?.score ?? 0;
    if (topPopularity > 0)
      for (const { videoId, score } of this.input.popular)
        add(videoId, (weights.popularity * score) / topPopularity, this.popularReason(videoId), null);
    for (const videoId of this.input.newest ?? [])
      add(videoId, weights.newest * this.ageDecay(videoId, RANKING.freshness.halfLifeDays), 'new', null);

    const candidates: Candidate[] = [];
    for (const [videoId, { parts }] of blended) {
      const [, reason, basedOn] = parts.reduce((best, part) => (part[0] > best[0] ? part : best));
      let score = parts.reduce((sum, [value]) => sum + value, 0);
      score *= 1 + RANKING.freshness.boost * this.ageDecay(videoId, RANKING.freshness.halfLifeDays);
      if (this.input.locked?.has(videoId)) score *= RANKING.lockedFactor;
      score *= this.dislikeFactor(videoId);
      candidates.push({ videoId, score, reason, basedOn });
    }
    candidates.sort(byScore);
    return this.diversify(candidates, count).map((candidate) => this.item(candidate));
  }

  /**
   * Maximal marginal relevance: picks, one at a time, the candidate with the best
   * λ · relevance − (1 − λ) · redundancy with what is already picked (same creator, same category).
   */
  private diversify(candidates: Candidate[], count: number): Candidate[] {
    const pool = candidates.slice(0, Math.max(50, count * RANKING.mmrPoolFactor));
    if (!pool.length) return [];
    const top = pool[0].score || 1;
    const features = pool.map((candidate) => this.input.features.get(candidate.videoId) as VideoFeatures);
    const redundancy = new Float64Array(pool.length);
    const taken = new Uint8Array(pool.length);
    const picked: Candidate[] = [];
    const lambda = RANKING.mmrLambda;
    while (picked.length < Math.min(count, pool.length)) {
      let best = -1;
      let bestValue = -Infinity;
      for (let i = 0; i < pool.length; i++) {
        if (taken[i]) continue;
        const value = (lambda * pool[i].score) / top - (1 - lambda) * redundancy[i];
        if (value > bestValue) [best, bestValue] = [i, value];
      }
      taken[best] = 1;
      picked.push(pool[best]);
      for (let i = 0; i < pool.length; i++) {
        if (taken[i]) continue;
        const overlap =
          (features[i].creatorId === features[best].creatorId ? RANKING.redundancy.creator : 0) +
          (features[i].category !== null && features[i].category === features[best].category
            ? RANKING.redundancy.category
            : 0);
        if (overlap > redundancy[i]) redundancy[i] = overlap;
      }
    }
    return picked;
  }

  /** Σ over recent videos of their weight × the neighbour's similarity; `basedOn` = the biggest contributor. */
  private neighborScores(
    neighbors: ReadonlyMap<string, Neighbor[]>,
  ): Map<string, { score: number; basedOn: string | null }> {
    const scores = new Map<string, { score: number; basedOn: string | null; best: number }>();
    for (const { videoId: source, weight } of this.recent) {
      for (const { videoId, similarity } of neighbors.get(source) ?? []) {
        if (similarity <= 0 || !this.eligible(videoId)) continue;
        const contribution = weight * similarity;
        const entry = scores.get(videoId) ?? { score: 0, basedOn: null, best: 0 };
        entry.score += contribution;
        if (contribution > entry.best) [entry.best, entry.basedOn] = [contribution, source];
        scores.set(videoId, entry);
      }
    }
    return scores;
  }

  private dislikeFactor(videoId: string): number {
    return this.dislikeFactors.get(videoId) ?? 1;
  }

  private eligible(videoId: string): boolean {
    const features = this.input.features.get(videoId);
    const { person } = this.input;
    if (!features || person.excludedVideos.has(videoId) || person.hiddenCreators.has(features.creatorId)) return false;
    if (this.basis.has(videoId)) return false;
    if (features.publishedAt.getTime() > this.input.now.getTime()) return false;
    if (this.options.locked !== 'tease' && this.input.locked?.has(videoId)) return false;
    if (this.options.category !== undefined && features.category !== this.options.category) return false;
    return this.options.creatorId === undefined || features.creatorId === this.options.creatorId;
  }

  private popularReason(videoId: string): RecommendationReason {
    const category = this.input.features.get(videoId)?.category;
    return this.options.category !== undefined || (category && this.likedCategories.has(category))
      ? 'popular_in_category'
      : 'trending';
  }

  private ageDecay(videoId: string, halfLifeDays: number): number {
    const features = this.input.features.get(videoId);
    return features ? decay(this.input.now.getTime() - features.publishedAt.getTime(), halfLifeDays * DAY_MS) : 0;
  }

  private item(candidate: Candidate): RankedItem {
    const item: RankedItem = {
      videoId: candidate.videoId,
      score: candidate.score,
      reason: candidate.reason,
      basedOn: candidate.basedOn,
    };
    if (this.input.locked?.has(candidate.videoId)) item.locked = true;
    return item;
  }
}

/** e^(−k·P) per neighbour of a disliked video (RANKING.dislikePenalty); the closer of its two similarities counts. */
function dislikeFactors(input: HybridInput): Map<string, number> {
  const penalties = new Map<string, number>();
  const fresh = Math.abs(SIGNAL_WEIGHTS.dislike);
  for (const { videoId: source, weight } of input.person.disliked ?? []) {
    const closest = new Map<string, number>();
    for (const lists of [input.coWatch, input.content])
      for (const { videoId, similarity } of lists.get(source) ?? [])
        if (similarity > (closest.get(videoId) ?? 0)) closest.set(videoId, similarity);
    for (const [videoId, similarity] of closest)
      penalties.set(videoId, (penalties.get(videoId) ?? 0) + (Math.abs(weight) / fresh) * similarity);
  }
  return new Map([...penalties].map(([videoId, penalty]) => [videoId, Math.exp(-RANKING.dislikePenalty * penalty)]));
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || (a.videoId < b.videoId ? -1 : 1);
}
