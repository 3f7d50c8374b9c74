import type { Neighbor, VideoFeatures } from './types.js';

/**
 * How much each family of features counts in the similarity (they add up to 1). Each family's
 * vector is normalised on its own first, so a video with 30 tags does not drown its category.
 */
export const CONTENT_FAMILY_WEIGHTS = {
  tags: 0.3,
  terms: 0.25,
  category: 0.15,
  creator: 0.12,
  series: 0.1,
  language: 0.04,
  duration: 0.04,
} as const;
type Family = keyof typeof CONTENT_FAMILY_WEIGHTS;

/** Duration buckets: shorts, clips, episodes, long form. */
export function durationBucket(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  if (seconds < 240) return 'short';
  if (seconds < 1_200) return 'medium';
  if (seconds < 3_600) return 'long';
  return 'feature';
}

// Words that say nothing about content (English and the commonest French/Spanish ones of titles).
const STOP_WORDS = new Set(
  `a an and are as at be but by de del des do el en et for from how i in is it its la le les los my
   new no not of on or our part por que the this to un una une us vs we what with you your`.split(/\s+/),
);

/** Lower-cased, NFKC-normalised words of two letters or more, without stop words and bare numbers. */
export function terms(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word));
}

/**
 * Content similarity over video features ("embeddings from metadata"), built once per catalog
 * snapshot. Every feature (a tag, the category, the language, the creator, the series, the duration
 * bucket, each title/description term) is weighted by its IDF (terms by TF-IDF, title words twice);
 * the similarity of two videos is the cosine of their weighted vectors.
 *
 * `similar` walks an inverted index: the postings of the source's selective features (in at most
 * 5 % of videos, or 500) give the candidates and most of their score; the few best candidates then
 * get the exact cosine (common features such as the language added). Videos sharing only common
 * features are never neighbours. A source with only common features walks every posting.
 */
export class ContentIndex {
  private readonly ids: string[] = [];
  private readonly position = new Map<string, number>();
  /** Per video: its feature ids (ascending) and their final weights (a unit vector overall). */
  private readonly featureIds: Int32Array[] = [];
  private readonly weights: Float64Array[] = [];
  /** Per feature: the videos that have it and its weight in each. */
  private readonly postingDocs: Int32Array[] = [];
  private readonly postingWeights: Float64Array[] = [];
  private readonly selectiveLimit: number;
  private readonly scores: Float64Array;
  /** How many videos the last `similar` scored: the work an inverted index saves shows here. */
  candidatesOfLastQuery = 0;

  constructor(videos: ReadonlyArray<VideoFeatures>) {
    const dictionary = new Map<string, number>();
    const documentFrequency: number[] = [];
    const raw = videos.map((video) => {
      const counted = new Map<number, number>();
      for (const [feature, count] of rawFeatures(video)) {
        let id = dictionary.get(feature);
        if (id === undefined) dictionary.set(feature, (id = documentFrequency.push(0) - 1));
        documentFrequency[id]++;
        counted.set(id, count);
      }
      return counted;
    });
    const familyOf: Family[] = [];
    for (const [feature, id] of dictionary) familyOf[id] = feature.slice(0, feature.indexOf(':')) as Family;
    const total = videos.length;
    const postingSizes = new Int32Array(documentFrequency.length);
    videos.forEach((video, doc) => {
      this.ids.push(video.videoId);
      this.position.set(video.videoId, doc);
      const vector = weigh(raw[doc], familyOf, documentFrequency, total);
      this.featureIds.push(vector.ids);
      this.weights.push(vector.weights);
      for (const id of vector.ids) postingSizes[id]++;
    });
    for (let id = 0; id < postingSizes.length; id++) {
      this.postingDocs.push(new Int32Array(postingSizes[id]));
      this.postingWeights.push(new Float64Array(postingSizes[id]));
    }
    const filled = new Int32Array(postingSizes.length);
    this.featureIds.forEach((ids, doc) =>
      ids.forEach((id, i) => {
        this.postingDocs[id][filled[id]] = doc;
        this.postingWeights[id][filled[id]++] = this.weights[doc][i];
      }),
    );
    this.selectiveLimit = Math.max(500, Math.ceil(total * 0.05));
    this.scores = new Float64Array(total);
  }

  get size(): number {
    return this.ids.length;
  }

  has(videoId: string): boolean {
    return this.position.has(videoId);
  }

  /** The most similar videos, best first (ties by id); empty for an unknown video. */
  similar(videoId: string, limit: number): Neighbor[] {
    const doc = this.position.get(videoId);
    if (doc === undefined || limit <= 0) return [];
    const [ids, weights] = [this.featureIds[doc], this.weights[doc]];
    const selective = ids.some((id) => this.postingDocs[id].length <= this.selectiveLimit);
    const touched: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      const docs = this.postingDocs[ids[i]];
      if (selective && docs.length > this.selectiveLimit) continue;
      const postingWeights = this.postingWeights[ids[i]];
      for (let p = 0; p < docs.length; p++) {
        const other = docs[p];
        if (other === doc) continue;
        if (this.scores[other] === 0) touched.push(other);
        this.scores[other] += weights[i] * postingWeights[p];
      }
    }
    this.candidatesOfLastQuery = touched.length;
    const partial = touched.map((other) => ({ other, score: this.scores[other] }));
    for (const other of touched) this.scores[other] = 0;
    partial.sort((a, b) => b.score - a.score);
    const best = selective ? partial.slice(0, Math.max(100, limit * 4)) : partial;
    return best
      .map(({ other, score }) => ({
        videoId: this.ids[other],
        similarity: Math.min(1, selective ? this.dot(doc, other) : score),
      }))
      .filter((neighbor) => neighbor.similarity > 0)
      .sort((a, b) => b.similarity - a.similarity || (a.videoId < b.videoId ? -1 : 1))
      .slice(0, limit);
  }

  /** Cosine similarity of two indexed videos (0 when either is unknown). */
  similarity(a: string, b: string): number {
    const [first, second] = [this.position.get(a), this.position.get(b)];
    return first === undefined || second === undefined ? 0 : Math.min(1, this.dot(first, second));
  }

  /** Dot product of two unit vectors by merging their sorted feature ids. */
  private dot(a: number, b: number): number {
    const [idsA, idsB, weightsA, weightsB] = [this.featureIds[a], this.featureIds[b], this.weights[a], this.weights[b]];
    let [i, j, dot] = [0, 0, 0];
    while (i < idsA.length && j < idsB.length) {
      if (idsA[i] === idsB[j]) dot += weightsA[i++] * weightsB[j++];
      else if (idsA[i] < idsB[j]) i++;
      else j++;
    }
    return dot;
  }
}

/** Feature → raw count, prefixed by family (`tag:`, `term:`, …). */
function rawFeatures(video: VideoFeatures): Map<string, number> {
  const features = new Map<string, number>();
  const add = (family: Family, value: string | null | undefined, count = 1) => {
    if (value === null || value === undefined || value === '') return;
    const key = `${family}:${value}`;
    features.set(key, (features.get(key) ?? 0) + count);
  };
  for (const tag of new Set(video.tags.map((tag) => tag.normalize('NFKC').toLowerCase().trim()))) add('tags', tag);
  add('category', video.category?.toLowerCase());
  add('language', video.language?.toLowerCase());
  add('creator', video.creatorId);
  add('series', video.seriesId);
  add('duration', durationBucket(video.durationSeconds));
  for (const term of terms(video.title)) add('terms', term, 2);
  for (const term of terms(video.description)) add('terms', term);
  return features;
}

/** IDF (× log-scaled TF for terms), each family normalised and scaled by its weight, then the whole to unit length. */
function weigh(
  raw: Map<number, number>,
  familyOf: readonly Family[],
  documentFrequency: readonly number[],
  total: number,
): { ids: Int32Array; weights: Float64Array } {
  const byFamily = new Map<Family, Array<[number, number]>>();
  for (const [id, count] of raw) {
    // A feature every video has tells nothing: log((N + 1) / (df + 1)) is 0 for it.
    const weight = (1 + Math.log(count)) * Math.log((total + 1) / (documentFrequency[id] + 1));
    if (weight <= 0) continue;
    const entries = byFamily.get(familyOf[id]) ?? [];
    entries.push([id, weight]);
    byFamily.set(familyOf[id], entries);
  }
  const vector: Array<[number, number]> = [];
  let squared = 0;
  for (const [family, entries] of byFamily) {
    const norm = Math.sqrt(entries.reduce((sum, [, weight]) => sum + weight * weight, 0));
    const scale = Math.sqrt(CONTENT_FAMILY_WEIGHTS[family]) / norm;
    for (const [id, weight] of entries) vector.push([id, weight * scale]);
    squared += CONTENT_FAMILY_WEIGHTS[family];
  }
  const length = Math.sqrt(squared);
  vector.sort((a, b) => a[0] - b[0]);
  return {
    ids: Int32Array.from(vector, ([id]) => id),
    weights: Float64Array.from(vector, ([, weight]) => weight / length),
  };
}
