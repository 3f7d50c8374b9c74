import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SocialGraphReadModel } from '../../read-models/social-graph.read-model.js';
import { ListRestrictionsQuery } from './list-restrictions.query.js';

/** The caller's blocks or mutes (only ever the caller's own), newest first. */
@QueryHandler(ListRestrictionsQuery)
export class ListRestrictionsHandler implements IQueryHandler<ListRestrictionsQuery> {
  constructor(private readonly socialGraph: SocialGraphReadModel) {}

  async execute({ ownerId, kind }: ListRestrictionsQuery) {
    return { items: await this.socialGraph.restrictedBy(ownerId, kind) };
  }
}
