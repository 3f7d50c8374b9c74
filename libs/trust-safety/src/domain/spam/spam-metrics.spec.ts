import { measure } from './spam-metrics.js';

describe('spam model metrics', () => {
  it('computes precision, recall, F1 and the false-positive rate at a threshold', () => {
    const predictions = [
      { probability: 0.99, isSpam: true },
      { probability: 0.95, isSpam: false },
      { probability: 0.2, isSpam: true },
      { probability: 0.1, isSpam: false },
      { probability: 0.05, isSpam: false },
    ];
    expect(measure(predictions, 0.9)).toEqual({
      threshold: 0.9,
      examples: 5,
      truePositives: 1,
      falsePositives: 1,
      trueNegatives: 2,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      falsePositiveRate: 0.3333,
    });
  });

  it('reports zeros rather than NaN when a class is empty', () => {
    expect(measure([{ probability: 0.1, isSpam: false }], 0.5)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
