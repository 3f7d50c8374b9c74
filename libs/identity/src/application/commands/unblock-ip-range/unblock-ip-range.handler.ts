import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { IpBlockNotFoundError } from '../../../domain/ip-block/ip-block.errors.js';
import { IpBlockRepository } from '../../../domain/ip-block/ip-block.repository.js';
import { IpBlockPublication } from '../../ip-block-publication.js';
import { UnblockIpRangeCommand } from './unblock-ip-range.command.js';

/** Admin-only. Every node lets the range in again within seconds of the commit. */
@CommandHandler(UnblockIpRangeCommand)
export class UnblockIpRangeHandler implements ICommandHandler<UnblockIpRangeCommand> {
  constructor(
    private readonly blocks: IpBlockRepository,
    private readonly publication: IpBlockPublication,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ blockId }: UnblockIpRangeCommand): Promise<void> {
    await this.unitOfWork.transactional(async () => {
      if (!(await this.blocks.remove(blockId))) throw new IpBlockNotFoundError();
      this.unitOfWork.afterCommit(() => this.publication.publish());
    });
  }
}
