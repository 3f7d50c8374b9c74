import { Injectable } from '@nestjs/common';
import { Experiments, type ExperimentAssignment, type ExperimentSubject } from '../../contracts/experiments.js';
import { ExperimentRepository, subjectKey, type Experiment } from '../../domain/experiments/experiment.js';

/**
 * How long a process trusts its copy of a surface's running experiment: assignment is on every
 * recommendation request, and another process's start or stop reaches this one within this time.
 */
export const RUNNING_EXPERIMENT_TTL_MS = 2_000;

/**
 * Insights' `Experiments` contract port: the subject's arm of the experiment running on the surface
 * (a hash of experiment id and subject, so the same person or anonymous session always gets the same arm).
 */
@Injectable()
export class ExperimentAssignments extends Experiments {
  private readonly running = new Map<string, { experiment: Experiment | null; until: number }>();

  constructor(private readonly experiments: ExperimentRepository) {
    super();
  }

  async assign(surface: string, subject: ExperimentSubject): Promise<ExperimentAssignment | null> {
    const key = subjectKey(subject);
    if (!key) return null;
    const experiment = await this.runningOn(surface);
    return experiment ? { experimentId: experiment.id, arm: experiment.armOf(key) } : null;
  }

  /** Start and stop call this after saving, so this process sees the change at once (others within the TTL). */
  forget(surface: string): void {
    this.running.delete(surface);
  }

  private async runningOn(surface: string): Promise<Experiment | null> {
    const known = this.running.get(surface);
    if (known && known.until > Date.now()) return known.experiment;
    const experiment = await this.experiments.runningOn(surface);
    this.running.set(surface, { experiment, until: Date.now() + RUNNING_EXPERIMENT_TTL_MS });
    return experiment;
  }
}
