import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IpBlockRepository } from '../../../domain/ip-block/ip-block.repository.js';
import { toIpBlockView } from '../../views.js';
import { ListIpBlocksQuery } from './list-ip-blocks.query.js';

/** The whole list: an admin tool over a list that stays short (ranges, not single abusers by the thousand). */
@QueryHandler(ListIpBlocksQuery)
export class ListIpBlocksHandler implements IQueryHandler<ListIpBlocksQuery> {
  constructor(private readonly blocks: IpBlockRepository) {}

  async execute() {
    return { items: (await this.blocks.list()).map(toIpBlockView) };
  }
}
