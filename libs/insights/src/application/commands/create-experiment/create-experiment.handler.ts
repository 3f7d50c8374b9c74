import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { checkArms, checkDesign, Experiment, ExperimentRepository } from '../../../domain/experiments/experiment.js';
import { experimentView } from '../../experiments/experiment-view.js';
import { CreateExperimentCommand } from './create-experiment.command.js';

/** A draft experiment: arms and design are checked now, traffic flows only once it is started. */
@CommandHandler(CreateExperimentCommand)
export class CreateExperimentHandler implements ICommandHandler<CreateExperimentCommand> {
  constructor(private readonly experiments: ExperimentRepository) {}

  async execute(command: CreateExperimentCommand) {
    const experiment = new Experiment(
      newId(),
      command.name,
      command.surface,
      checkArms(command.arms),
      checkDesign(command.design),
      command.adminId,
      new Date(),
    );
    await this.experiments.save(experiment);
    return experimentView(experiment);
  }
}
