import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ExperimentRepository } from '../../../domain/experiments/experiment.js';
import { experimentView } from '../../experiments/experiment-view.js';
import { ListExperimentsQuery } from './list-experiments.query.js';

/** Every experiment, newest first (results are on the experiment's own route). */
@QueryHandler(ListExperimentsQuery)
export class ListExperimentsHandler implements IQueryHandler<ListExperimentsQuery> {
  constructor(private readonly experiments: ExperimentRepository) {}

  async execute() {
    return { items: (await this.experiments.list()).map(experimentView) };
  }
}
