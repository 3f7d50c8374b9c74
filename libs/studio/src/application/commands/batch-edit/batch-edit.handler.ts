import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VideoBatch } from '../../video-batch.js';
import { BatchEditCommand } from './batch-edit.command.js';

@CommandHandler(BatchEditCommand)
export class BatchEditHandler implements ICommandHandler<BatchEditCommand> {
  constructor(private readonly batch: VideoBatch) {}

  execute({ userId, videoIds, changes }: BatchEditCommand) {
    return this.batch.edit(userId, videoIds, () => changes);
  }
}
