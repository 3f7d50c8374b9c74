import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { analyseExperiment } from '../../../domain/experiments/analysis.js';
import { ExperimentRepository } from '../../../domain/experiments/experiment.js';
import { ExperimentNotFoundError } from '../../../domain/experiments/experiment.errors.js';
import { ExperimentTracking } from '../../experiments/experiment-tracking.js';
import { experimentView } from '../../experiments/experiment-view.js';
import { GetExperimentQuery } from './get-experiment.query.js';

/** The experiment and its results per arm, analysed by the domain (with the peeking guard). */
@QueryHandler(GetExperimentQuery)
export class GetExperimentHandler implements IQueryHandler<GetExperimentQuery> {
  constructor(
    private readonly experiments: ExperimentRepository,
    private readonly tracking: ExperimentTracking,
  ) {}

  async execute(query: GetExperimentQuery) {
    const experiment = await this.experiments.byId(query.experimentId);
    if (!experiment) throw new ExperimentNotFoundError(query.experimentId);
    const counts = await this.tracking.countsByArm(experiment.id);
    return { ...experimentView(experiment), results: analyseExperiment(experiment.arms, experiment.design, counts) };
  }
}
