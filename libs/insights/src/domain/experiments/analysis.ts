import { CONVERSION_KINDS, type Arm, type ConversionKind, type ExperimentDesign } from './experiment.js';
import { twoProportionTest, wilsonInterval, type Interval } from './statistics.js';

/** What was counted for one arm: exposures, and exposures with at least one conversion of each kind. */
export interface ArmCounts {
  arm: string;
  exposures: number;
  conversions: Record<ConversionKind, number>;
}

export interface Rate {
  rate: number;
  /** 95% Wilson interval: descriptive only, the decision is the test's at the horizon. */
  ci95: Interval;
}

export interface ArmResult {
  arm: string;
  percent: number;
  exposures: number;
  conversions: Record<ConversionKind, number>;
  ctr: Rate;
  primary: Rate;
}

export interface Comparison {
  arm: string;
  control: string;
  difference: number;
  /** Interval of the difference at the corrected level (1 − alpha / treatment arms). */
  interval: Interval;
  z: number;
  pValue: number;
  /** Below the corrected level; only a decision once `final` (the horizon is reached). */
  significant: boolean;
}

export type Verdict = 'collecting' | 'winner' | 'no-difference';

export interface ExperimentAnalysis {
  metric: ConversionKind;
  method: 'fixed-horizon two-proportion z-test';
  alpha: number;
  /** alpha / number of treatment arms (Bonferroni): the family-wise false-positive rate stays ≤ alpha. */
  correctedAlpha: number;
  plannedExposuresPerArm: number;
  arms: ArmResult[];
  comparisons: Comparison[];
  /** Every arm reached the planned exposures: the one look the test's error rates are valid for. */
  final: boolean;
  canDeclareWinner: boolean;
  verdict: Verdict;
  winner: string | null;
  reason: string;
}

const zeroConversions = (): Record<ConversionKind, number> =>
  Object.fromEntries(CONVERSION_KINDS.map((kind) => [kind, 0])) as Record<ConversionKind, number>;

const rate = (successes: number, n: number): Rate => ({
  rate: n ? successes / n : 0,
  ci95: wilsonInterval(successes, n),
});

/**
 * The results of an experiment (pure). The first arm is the control; every other arm is tested
 * against it on the primary metric. The peeking guard: a winner may be named only once every arm
 * has its planned exposures (fixed horizon); before that the verdict is `collecting` whatever the
 * p-values say, since stopping at the first significant look inflates the false-positive rate.
 */
export function analyseExperiment(
  arms: readonly Arm[],
  design: ExperimentDesign,
  counted: readonly ArmCounts[],
): ExperimentAnalysis {
  const byArm = new Map(counted.map((entry) => [entry.arm, entry]));
  const results: ArmResult[] = arms.map((arm) => {
    const entry = byArm.get(arm.key);
    const exposures = entry?.exposures ?? 0;
    const conversions = { ...zeroConversions(), ...entry?.conversions };
    return {
      arm: arm.key,
      percent: arm.percent,
      exposures,
      conversions,
      ctr: rate(conversions.click, exposures),
      primary: rate(conversions[design.primaryMetric], exposures),
    };
  });
  const [control, ...treatments] = results;
  const correctedAlpha = design.alpha / Math.max(1, treatments.length);
  const comparisons: Comparison[] = treatments.map((treatment) => {
    const test = twoProportionTest(
      { successes: control.conversions[design.primaryMetric], n: control.exposures },
      { successes: treatment.conversions[design.primaryMetric], n: treatment.exposures },
      correctedAlpha,
    );
    return {
      arm: treatment.arm,
      control: control.arm,
      difference: test.difference,
      interval: test.interval,
      z: test.z,
      pValue: test.pValue,
      significant: test.significant,
    };
  });
  const short = results.filter((arm) => arm.exposures < design.plannedExposuresPerArm);
  const final = short.length === 0;
  const base = {
    metric: design.primaryMetric,
    method: 'fixed-horizon two-proportion z-test' as const,
    alpha: design.alpha,
    correctedAlpha,
    plannedExposuresPerArm: design.plannedExposuresPerArm,
    arms: results,
    comparisons,
    final,
  };
  if (!final) {
    return {
      ...base,
      canDeclareWinner: false,
      verdict: 'collecting',
      winner: null,
      reason: `Fixed horizon not reached: ${short
        .map((arm) => `${arm.arm} has ${arm.exposures} of ${design.plannedExposuresPerArm} exposures`)
        .join(', ')}. Results before the horizon are not a decision.`,
    };
  }
  const better = comparisons.filter((c) => c.significant && c.difference > 0);
  if (better.length) {
    const best = better.reduce((a, b) => (b.difference > a.difference ? b : a));
    return {
      ...base,
      canDeclareWinner: true,
      verdict: 'winner',
      winner: best.arm,
      reason: `${best.arm} beats ${control.arm} on ${design.primaryMetric} (p = ${best.pValue.toPrecision(3)} < ${correctedAlpha})`,
    };
  }
  if (comparisons.length && comparisons.every((c) => c.significant && c.difference < 0)) {
    return {
      ...base,
      canDeclareWinner: true,
      verdict: 'winner',
      winner: control.arm,
      reason: `${control.arm} (control) beats every other arm on ${design.primaryMetric}`,
    };
  }
  return {
    ...base,
    canDeclareWinner: true,
    verdict: 'no-difference',
    winner: null,
    reason: `No arm differs significantly from ${control.arm} on ${design.primaryMetric} at the planned sample size`,
  };
}
