/** What the spam model says about a text. */
export interface SpamScore {
  /** 0..1 */
  probability: number;
  modelVersion: string;
}

/** The spam model in force, loaded in memory so scoring is synchronous and cheap. */
export abstract class SpamScorer {
  /** Null when no model is trained yet: the spam signal is then absent. */
  abstract score(text: string): SpamScore | null;
}
