import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidRangeError } from '../../../domain/insights.errors.js';
import { RollupRunner } from '../../rollup-runner.js';
import { RebuildRollupsCommand } from './rebuild-rollups.command.js';

@CommandHandler(RebuildRollupsCommand)
export class RebuildRollupsHandler implements ICommandHandler<RebuildRollupsCommand> {
  constructor(private readonly runner: RollupRunner) {}

  execute({ from, to, onProgress }: RebuildRollupsCommand): Promise<{ hours: number; days: number }> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || !(from < to)) {
      throw new InvalidRangeError('`--from` must be a date before `--to`');
    }
    return this.runner.rebuildRange(from, to, onProgress);
  }
}
