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

interface Posting {
  doc: number;
  weight: number;
}

/**
 * Content similarity over video features ("embeddings from metadata"), built once per catalog
 * snapshot. Every feature (a tag, the category, the language, the creator, the series, the duration
 * bucket, each title/description term) is weighted by its IDF (terms by TF-IDF, title words twice);
 * the similarity of two videos is the cosine of their weighted vectors. `similar` walks an inverted
 * index from the source's features, so it touches only videos sharing something with it.
 */
export class ContentIndex {
  private readonly ids: string[] = [];
  private readonly position = new Map<string, number>();
  /** Per video: its features and their final weights (unit vector overall). */
  private readonly vectors: Array<Map<string, number>> = [];
  private readonly postings = new Map<string, Posting[]>();

  constructor(videos: ReadonlyArray<VideoFeatures>) {
    const raw = videos.map((video) => rawFeatures(video));
    const documentFrequency = new Map<string, number>();
    for (const features of raw)
      for (const feature of features.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    const total = videos.length;
    videos.forEach((video, doc) => {
      this.ids.push(video.videoId);
      this.position.set(video.videoId, doc);
      const vector = weigh(raw[doc], documentFrequency, total);
      this.vectors.push(vector);
      for (const [feature, weight] of vector) {
        let list = this.postings.get(feature);
        if (!list) this.postings.set(feature, (list = []));
        list.push({ doc, weight });
      }
    });
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
    const scores = new Map<number, number>();
    for (const [feature, weight] of this.vectors[doc]) {
      for (const posting of this.postings.get(feature) ?? []) {
        if (posting.doc !== doc) scores.set(posting.doc, (scores.get(posting.doc) ?? 0) + weight * posting.weight);
      }
    }
    const neighbors: Neighbor[] = [];
    for (const [other, similarity] of scores)
      if (similarity > 0) neighbors.push({ videoId: this.ids[other], similarity: Math.min(1, similarity) });
    neighbors.sort((a, b) => b.similarity - a.similarity || (a.videoId < b.videoId ? -1 : 1));
    return neighbors.slice(0, limit);
  }

  /** Cosine similarity of two indexed videos (0 when either is unknown). */
  similarity(a: string, b: string): number {
    const [first, second] = [this.position.get(a), this.position.get(b)];
    if (first === undefined || second === undefined) return 0;
    let dot = 0;
    for (const [feature, weight] of this.vectors[first]) dot += weight * (this.vectors[second].get(feature) ?? 0);
    return Math.min(1, dot);
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
function weigh(raw: Map<string, number>, documentFrequency: Map<string, number>, total: number): Map<string, number> {
  const byFamily = new Map<Family, Map<string, number>>();
  for (const [feature, count] of raw) {
    const family = feature.slice(0, feature.indexOf(':')) as Family;
    // A feature every video has tells nothing: log((N + 1) / (df + 1)) is 0 for it.
    const idf = Math.log((total + 1) / ((documentFrequency.get(feature) ?? 0) + 1));
    const weight = (1 + Math.log(count)) * idf;
    if (weight <= 0) continue;
    let entries = byFamily.get(family);
    if (!entries) byFamily.set(family, (entries = new Map()));
    entries.set(feature, weight);
  }
  const vector = new Map<string, number>();
  let squared = 0;
  for (const [family, entries] of byFamily) {
    const norm = Math.sqrt([...entries.values()].reduce((sum, weight) => sum + weight * weight, 0));
    const scale = Math.sqrt(CONTENT_FAMILY_WEIGHTS[family]) / norm;
    for (const [feature, weight] of entries) vector.set(feature, weight * scale);
    squared += CONTENT_FAMILY_WEIGHTS[family];
  }
  const length = Math.sqrt(squared);
  for (const [feature, weight] of vector) vector.set(feature, weight / length);
  return vector;
}
