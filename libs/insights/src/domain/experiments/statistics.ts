/** Standard normal distribution and two-proportion statistics (pure; no dependencies). */

/** Φ(x), the standard normal CDF (Abramowitz & Stegun 7.1.26 through erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile of ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval of a proportion at confidence 1 − alpha (sound at 0 or n successes, unlike Wald). */
export function wilsonInterval(successes: number, n: number, alpha = 0.05): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - alpha / 2);
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface TwoProportionTest {
  /** Treatment rate − control rate. */
  difference: number;
  /** Wald interval of the difference at confidence 1 − alpha (unpooled standard error). */
  interval: Interval;
  /** z statistic with the pooled standard error (the test's own null hypothesis: equal rates). */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  significant: boolean;
}

/** Two-sided pooled two-proportion z-test of treatment against control at level alpha. */
export function twoProportionTest(
  control: { successes: number; n: number },
  treatment: { successes: number; n: number },
  alpha = 0.05,
): TwoProportionTest {
  const p1 = control.n ? control.successes / control.n : 0;
  const p2 = treatment.n ? treatment.successes / treatment.n : 0;
  const difference = p2 - p1;
  const zCrit = normalQuantile(1 - alpha / 2);
  if (!control.n || !treatment.n) {
    return { difference, interval: { low: -1, high: 1 }, z: 0, pValue: 1, significant: false };
  }
  const pooled = (control.successes + treatment.successes) / (control.n + treatment.n);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / control.n + 1 / treatment.n));
  const z = pooledSe > 0 ? difference / pooledSe : 0;
  const pValue = pooledSe > 0 ? 2 * (1 - normalCdf(Math.abs(z))) : 1;
  const se = Math.sqrt((p1 * (1 - p1)) / control.n + (p2 * (1 - p2)) / treatment.n);
  return {
    difference,
    interval: { low: Math.max(-1, difference - zCrit * se), high: Math.min(1, difference + zCrit * se) },
    z,
    pValue: Math.min(1, Math.max(0, pValue)),
    significant: pValue < alpha,
  };
}

/**
 * Exposures per arm a fixed-horizon two-sided test needs to detect `baseline` → `baseline + effect`
 * (absolute) at level alpha with the given power (normal approximation).
 */
export function sampleSizePerArm(baseline: number, effect: number, alpha = 0.05, power = 0.8): number {
  const p1 = baseline;
  const p2 = baseline + effect;
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && effect !== 0)) throw new RangeError('rates must lie in (0, 1)');
  const zA = normalQuantile(1 - alpha / 2);
  const zB = normalQuantile(power);
  const mean = (p1 + p2) / 2;
  const numerator = zA * Math.sqrt(2 * mean * (1 - mean)) + zB * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((numerator * numerator) / (effect * effect));
}
