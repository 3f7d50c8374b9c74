import type { IpBlock } from './ip-block.js';

export abstract class IpBlockRepository {
  /** Every block, oldest first. */
  abstract list(): Promise<IpBlock[]>;
  /** Adds a block; throws IpBlockExistsError when the range is already listed. */
  abstract add(block: IpBlock): Promise<void>;
  /** Removes a block; false when there was none with this id. */
  abstract remove(id: string): Promise<boolean>;
}
