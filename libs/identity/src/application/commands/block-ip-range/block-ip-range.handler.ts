import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { OwnAddressBlockError } from '../../../domain/ip-block/ip-block.errors.js';
import { IpBlock, rangeContains } from '../../../domain/ip-block/ip-block.js';
import { IpBlockRepository } from '../../../domain/ip-block/ip-block.repository.js';
import { IpBlockPublication } from '../../ip-block-publication.js';
import { toIpBlockView } from '../../views.js';
import { BlockIpRangeCommand } from './block-ip-range.command.js';

/** Admin-only. Every node refuses the range within seconds of the commit, HTTP and socket handshakes alike. */
@CommandHandler(BlockIpRangeCommand)
export class BlockIpRangeHandler implements ICommandHandler<BlockIpRangeCommand> {
  constructor(
    private readonly blocks: IpBlockRepository,
    private readonly publication: IpBlockPublication,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ range, reason, adminId, adminIp }: BlockIpRangeCommand) {
    const block = IpBlock.create({ range, reason, createdBy: adminId });
    if (rangeContains(block.range, adminIp)) throw new OwnAddressBlockError(block.range);
    await this.unitOfWork.transactional(async () => {
      await this.blocks.add(block);
      this.unitOfWork.afterCommit(() => this.publication.publish());
    });
    return toIpBlockView(block);
  }
}
