import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExperimentRepository } from '../../../domain/experiments/experiment.js';
import { ExperimentNotFoundError } from '../../../domain/experiments/experiment.errors.js';
import { ExperimentAssignments } from '../../experiments/experiment-assignments.js';
import { experimentView } from '../../experiments/experiment-view.js';
import { StartExperimentCommand } from './start-experiment.command.js';

/** From now on its surface's traffic is assigned to its arms; 409 if another runs on the surface. */
@CommandHandler(StartExperimentCommand)
export class StartExperimentHandler implements ICommandHandler<StartExperimentCommand> {
  constructor(
    private readonly experiments: ExperimentRepository,
    private readonly assignments: ExperimentAssignments,
  ) {}

  async execute(command: StartExperimentCommand) {
    const experiment = await this.experiments.byId(command.experimentId);
    if (!experiment) throw new ExperimentNotFoundError(command.experimentId);
    experiment.start(new Date());
    await this.experiments.save(experiment);
    this.assignments.forget(experiment.surface);
    return experimentView(experiment);
  }
}
