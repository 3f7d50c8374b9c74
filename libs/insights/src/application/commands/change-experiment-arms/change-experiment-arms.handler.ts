import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { checkArms, ExperimentRepository } from '../../../domain/experiments/experiment.js';
import { ExperimentNotFoundError } from '../../../domain/experiments/experiment.errors.js';
import { experimentView } from '../../experiments/experiment-view.js';
import { ChangeExperimentArmsCommand } from './change-experiment-arms.command.js';

/** Adds, removes or re-splits arms of a draft; refused (409) once the experiment has started. */
@CommandHandler(ChangeExperimentArmsCommand)
export class ChangeExperimentArmsHandler implements ICommandHandler<ChangeExperimentArmsCommand> {
  constructor(private readonly experiments: ExperimentRepository) {}

  async execute(command: ChangeExperimentArmsCommand) {
    const experiment = await this.experiments.byId(command.experimentId);
    if (!experiment) throw new ExperimentNotFoundError(command.experimentId);
    experiment.changeArms(checkArms(command.arms));
    await this.experiments.save(experiment);
    return experimentView(experiment);
  }
}
