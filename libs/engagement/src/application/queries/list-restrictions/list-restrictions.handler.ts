import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ListRestrictionsQuery } from './list-restrictions.query.js';

/** The caller's blocks or mutes (only ever the caller's own), newest first. */
@QueryHandler(ListRestrictionsQuery)
export class ListRestrictionsHandler implements IQueryHandler<ListRestrictionsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ ownerId, kind }: ListRestrictionsQuery) {
    const rows = await this.em.execute<Array<{ user_id: string; handle: string; display_name: string; created_at: Date }>>(
      `select p.user_id, p.handle, p.display_name, r.created_at
         from engagement.restrictions r join engagement.people p on p.user_id = r.target_id
        where r.owner_id = ? and r.kind = ? order by r.created_at desc limit 1000`,
      [ownerId, kind],
    );
    return { items: rows.map((row) => ({ userId: row.user_id, handle: row.handle, displayName: row.display_name, since: new Date(row.created_at).toISOString() })) };
  }
}
