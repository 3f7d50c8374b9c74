import type { SpamMetrics } from './spam-metrics.js';

/** A trained spam model as stored: what it is, what it learnt from, and how it did on held-out texts. */
export class SpamModel {
  /** e.g. `nb-20261202-195012`: sortable, recorded on every verdict the model takes part in. */
  version!: string;
  algorithm!: string;
  /** The classifier's own serialisation. */
  parameters!: string;
  trainedOn!: { corpus: number; moderated: number };
  metrics!: SpamMetrics[];
  trainedAt!: Date;
}

/** A moderator's confirmed decision on a text: training data for the next model. */
export class SpamExample {
  id!: string;
  text!: string;
  isSpam!: boolean;
  decidedBy!: string;
  decidedAt!: Date;
  /** The moderation decision it came from, when it came from one (one label per decision). */
  decisionId?: string | null;
  /** The spam rule raised the item: the label says whether the model was right (live precision). */
  flaggedByModel?: boolean;
}
