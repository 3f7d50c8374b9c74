/** 0.5: the model's own decision; 0.9: the default policy's threshold for holding a text. */
export const REPORTED_THRESHOLDS = [0.5, 0.9];

/** How a spam model did on texts it never saw, spam being the positive class. */
export interface SpamMetrics {
  threshold: number;
  examples: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  falsePositiveRate: number;
}

/** Scores each labelled prediction at a probability threshold (spam when probability ≥ threshold). */
export function measure(predictions: { probability: number; isSpam: boolean }[], threshold: number): SpamMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const { probability, isSpam } of predictions) {
    const flagged = probability >= threshold;
    if (flagged && isSpam) tp += 1;
    else if (flagged) fp += 1;
    else if (isSpam) fn += 1;
    else tn += 1;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    threshold,
    examples: predictions.length,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    precision,
    recall,
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    falsePositiveRate: ratio(fp, fp + tn),
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const ratio = (part: number, whole: number) => (whole ? round(part / whole) : 0);
