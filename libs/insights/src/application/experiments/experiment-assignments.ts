import { Injectable } from '@nestjs/common';
import { Experiments, type ExperimentAssignment, type ExperimentSubject } from '../../contracts/experiments.js';
import { ExperimentRepository, subjectKey } from '../../domain/experiments/experiment.js';

/**
 * Insights' `Experiments` contract port: the subject's arm of the experiment running on the surface
 * (a hash of experiment id and subject, so the same person or anonymous session always gets the same arm).
 */
@Injectable()
export class ExperimentAssignments extends Experiments {
  constructor(private readonly experiments: ExperimentRepository) {
    super();
  }

  async assign(surface: string, subject: ExperimentSubject): Promise<ExperimentAssignment | null> {
    const key = subjectKey(subject);
    if (!key) return null;
    const experiment = await this.experiments.runningOn(surface);
    return experiment ? { experimentId: experiment.id, arm: experiment.armOf(key) } : null;
  }
}
