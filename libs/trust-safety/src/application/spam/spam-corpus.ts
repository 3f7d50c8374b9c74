import { createHash } from 'node:crypto';
import type { LabelledText } from './naive-bayes-spam-classifier.js';

/** The public labelled corpus a model learns from (SpamAssassin's, in production). */
export abstract class SpamCorpus {
  abstract examples(): Promise<LabelledText[]>;
}

/** Changing the seed reshuffles the split: every reported number would change with it. */
export const SPLIT_SEED = 'showrunner-spam-split-1';
export const HELD_OUT_SHARE = 0.2;

/** Whether a corpus text belongs to the held-out part: a fixed hash of seed and key, the same on every run. */
export function isHeldOut(key: string): boolean {
  const hash = createHash('sha256').update(`${SPLIT_SEED}:${key}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < HELD_OUT_SHARE;
}
