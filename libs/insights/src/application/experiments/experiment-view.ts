import type { Experiment } from '../../domain/experiments/experiment.js';

/** An experiment as the admin API shows it. */
export function experimentView(experiment: Experiment) {
  return {
    id: experiment.id,
    name: experiment.name,
    surface: experiment.surface,
    status: experiment.status,
    arms: experiment.arms.map((arm) => ({ key: arm.key, percent: arm.percent })),
    primaryMetric: experiment.design.primaryMetric,
    alpha: experiment.design.alpha,
    plannedExposuresPerArm: experiment.design.plannedExposuresPerArm,
    baselineRate: experiment.design.baselineRate,
    minimumDetectableEffect: experiment.design.minimumDetectableEffect,
    createdBy: experiment.createdBy,
    createdAt: experiment.createdAt.toISOString(),
    startedAt: experiment.startedAt?.toISOString() ?? null,
    stoppedAt: experiment.stoppedAt?.toISOString() ?? null,
  };
}
