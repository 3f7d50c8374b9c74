import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExperimentRepository } from '../../../domain/experiments/experiment.js';
import { ExperimentNotFoundError } from '../../../domain/experiments/experiment.errors.js';
import { ExperimentAssignments } from '../../experiments/experiment-assignments.js';
import { experimentView } from '../../experiments/experiment-view.js';
import { StopExperimentCommand } from './stop-experiment.command.js';

/** No more assignments or exposures; conversions of earlier exposures still count within the window. */
@CommandHandler(StopExperimentCommand)
export class StopExperimentHandler implements ICommandHandler<StopExperimentCommand> {
  constructor(
    private readonly experiments: ExperimentRepository,
    private readonly assignments: ExperimentAssignments,
  ) {}

  async execute(command: StopExperimentCommand) {
    const experiment = await this.experiments.byId(command.experimentId);
    if (!experiment) throw new ExperimentNotFoundError(command.experimentId);
    experiment.stop(new Date());
    await this.experiments.save(experiment);
    this.assignments.forget(experiment.surface);
    return experimentView(experiment);
  }
}
