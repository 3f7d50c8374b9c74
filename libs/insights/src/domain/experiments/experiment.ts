import { createHash } from 'node:crypto';
import { AggregateRoot } from '@lib/platform/ddd';
import { sampleSizePerArm } from './statistics.js';
import {
  ExperimentLockedError,
  ExperimentTransitionError,
  InvalidArmsError,
  InvalidDesignError,
} from './experiment.errors.js';

export const CONVERSION_KINDS = ['click', 'watch_start', 'completion', 'subscription'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];
export type ExperimentStatus = 'draft' | 'running' | 'stopped';

/** Assignment buckets: splits are whole percents, so every percent is 100 buckets. */
export const BUCKETS = 10_000;
/** Conversions count within this time after the exposure (subscriptions: exposures this long before). */
export const ATTRIBUTION_WINDOW_MS = 7 * 86_400_000;
export const SURFACE = /^[a-z][a-z0-9_-]{0,31}(\.[a-z][a-z0-9_-]{0,31}){0,3}$/;
const ARM_KEY = /^[a-z][a-z0-9_-]{0,31}$/;
export const MAX_ARMS = 10;
export const MIN_EXPOSURES_PER_ARM = 20;
export const MAX_EXPOSURES_PER_ARM = 10_000_000;

export interface Arm {
  key: string;
  /** Share of the surface's traffic, whole percent; the arms add up to 100. */
  percent: number;
}

/** The fixed horizon: the analysis may only name a winner once every arm has this many exposures. */
export interface ExperimentDesign {
  primaryMetric: ConversionKind;
  /** Two-sided family-wise false-positive rate (Bonferroni across the treatment arms). */
  alpha: number;
  plannedExposuresPerArm: number;
  /** Where the plan came from when it was computed: baseline rate and absolute effect, power 0.8. */
  baselineRate: number | null;
  minimumDetectableEffect: number | null;
}

export interface DesignInput {
  primaryMetric?: ConversionKind;
  alpha?: number;
  plannedExposuresPerArm?: number;
  baselineRate?: number;
  minimumDetectableEffect?: number;
}

/** Who is assigned: a signed-in person's id, else the anonymous session id, as one key. */
export function subjectKey(subject: { personId?: string | null; anonymousId?: string | null }): string | null {
  if (subject.personId) return `p:${subject.personId.toLowerCase()}`;
  if (subject.anonymousId) return `a:${subject.anonymousId}`;
  return null;
}

/** The subject's bucket in [0, BUCKETS): a hash of experiment id and subject, so arms do not correlate across experiments. */
export function bucketOf(experimentId: string, subject: string): number {
  const digest = createHash('sha256').update(`${experimentId}:${subject}`).digest();
  return digest.readUInt32BE(0) % BUCKETS;
}

/** The arm whose cumulative split covers the bucket. */
export function armFor(arms: readonly Arm[], bucket: number): string {
  let upTo = 0;
  for (const arm of arms) {
    upTo += arm.percent * (BUCKETS / 100);
    if (bucket < upTo) return arm.key;
  }
  return arms[arms.length - 1].key;
}

export function checkArms(raw: unknown): Arm[] {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > MAX_ARMS)
    throw new InvalidArmsError(`An experiment has 2 to ${MAX_ARMS} arms`);
  const arms = raw.map((arm: unknown) => {
    const { key, percent } = (arm ?? {}) as Record<string, unknown>;
    if (typeof key !== 'string' || !ARM_KEY.test(key))
      throw new InvalidArmsError('An arm key is 1-32 lowercase letters, digits, _ or -, starting with a letter', {
        key,
      });
    if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 1 || percent > 99)
      throw new InvalidArmsError('An arm takes a whole percent of traffic between 1 and 99', { key, percent });
    return { key, percent };
  });
  if (new Set(arms.map((arm) => arm.key)).size !== arms.length) throw new InvalidArmsError('Arm keys must be unique');
  const total = arms.reduce((sum, arm) => sum + arm.percent, 0);
  if (total !== 100)
    throw new InvalidArmsError(`The traffic split must add up to 100% (it adds up to ${total}%)`, { total });
  return arms;
}

export function checkDesign(input: DesignInput): ExperimentDesign {
  const alpha = input.alpha ?? 0.05;
  if (!(alpha >= 0.001 && alpha <= 0.2)) throw new InvalidDesignError('alpha must lie between 0.001 and 0.2');
  const primaryMetric = input.primaryMetric ?? 'click';
  if (!CONVERSION_KINDS.includes(primaryMetric))
    throw new InvalidDesignError(`primaryMetric is one of ${CONVERSION_KINDS.join(', ')}`);
  let planned = input.plannedExposuresPerArm;
  const { baselineRate = null, minimumDetectableEffect = null } = input;
  if (planned === undefined) {
    if (baselineRate === null || minimumDetectableEffect === null)
      throw new InvalidDesignError(
        'Give plannedExposuresPerArm, or baselineRate and minimumDetectableEffect to compute it (power 0.8)',
      );
    try {
      planned = Math.max(MIN_EXPOSURES_PER_ARM, sampleSizePerArm(baselineRate, minimumDetectableEffect, alpha));
    } catch {
      throw new InvalidDesignError('baselineRate and baselineRate + minimumDetectableEffect must lie in (0, 1)');
    }
  }
  if (!Number.isInteger(planned) || planned < MIN_EXPOSURES_PER_ARM || planned > MAX_EXPOSURES_PER_ARM)
    throw new InvalidDesignError(
      `plannedExposuresPerArm is a whole number between ${MIN_EXPOSURES_PER_ARM} and ${MAX_EXPOSURES_PER_ARM}`,
    );
  return { primaryMetric, alpha, plannedExposuresPerArm: planned, baselineRate, minimumDetectableEffect };
}

/**
 * An A/B test on one surface (e.g. `recommendations.home`): arms with a traffic split, a primary
 * metric and a fixed horizon. Arms are frozen from the start; only one experiment runs per surface
 * (enforced by a partial unique index).
 */
export class Experiment extends AggregateRoot {
  status: ExperimentStatus = 'draft';
  startedAt: Date | null = null;
  stoppedAt: Date | null = null;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly surface: string,
    public arms: Arm[],
    readonly design: ExperimentDesign,
    readonly createdBy: string,
    readonly createdAt: Date,
  ) {
    super();
  }

  /** Splits change only before the start: afterwards exposures already follow the old ones. */
  changeArms(arms: Arm[]): void {
    if (this.status !== 'draft') throw new ExperimentLockedError(this.id, this.status);
    this.arms = arms;
  }

  start(at: Date): void {
    if (this.status !== 'draft') throw new ExperimentTransitionError(this.id, this.status, 'start');
    this.status = 'running';
    this.startedAt = at;
  }

  stop(at: Date): void {
    if (this.status !== 'running') throw new ExperimentTransitionError(this.id, this.status, 'stop');
    this.status = 'stopped';
    this.stoppedAt = at;
  }

  /** The subject's arm: deterministic and sticky (the same subject always lands in the same bucket). */
  armOf(subject: string): string {
    return armFor(this.arms, bucketOf(this.id, subject));
  }
}

export abstract class ExperimentRepository {
  /** Saves a new or changed experiment; throws SurfaceBusyError when another one already runs on its surface. */
  abstract save(experiment: Experiment): Promise<void>;
  abstract byId(id: string): Promise<Experiment | null>;
  abstract byIds(ids: string[]): Promise<Experiment[]>;
  abstract runningOn(surface: string): Promise<Experiment | null>;
  abstract list(): Promise<Experiment[]>;
}
