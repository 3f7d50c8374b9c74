import { Command } from '@nestjs/cqrs';
import type { IpBlockView } from '../../views.js';

export class BlockIpRangeCommand extends Command<IpBlockView> {
  constructor(
    readonly range: string,
    readonly reason: string,
    readonly adminId: string,
    /** Where the admin calls from: a block that would lock them out is refused. */
    readonly adminIp: string,
  ) {
    super();
  }
}
