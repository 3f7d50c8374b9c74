import { Injectable } from '@nestjs/common';
import { IpBlockList } from '@lib/platform';
import { IpBlockRepository } from '../domain/ip-block/ip-block.repository.js';

/** Hands the committed list of blocks to the platform, which every node enforces within seconds. */
@Injectable()
export class IpBlockPublication {
  constructor(
    private readonly blocks: IpBlockRepository,
    private readonly enforced: IpBlockList,
  ) {}

  /** Reads the list afresh (after the commit, so a concurrent change is never published without ours). */
  async publish(): Promise<void> {
    await this.enforced.replace((await this.blocks.list()).map((block) => block.range));
  }
}
