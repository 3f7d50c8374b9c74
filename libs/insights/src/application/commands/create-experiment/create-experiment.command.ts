import type { DesignInput } from '../../../domain/experiments/experiment.js';

export class CreateExperimentCommand {
  constructor(
    readonly adminId: string,
    readonly name: string,
    readonly surface: string,
    readonly arms: unknown,
    readonly design: DesignInput,
  ) {}
}
