import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { OwnedChannels, type OwnedChannel } from '../../contracts/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contract port: `owner_id` is the channel's one owner (a transfer moves it). */
@Injectable()
export class SqlOwnedChannels extends OwnedChannels {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async ownedBy(userId: string): Promise<OwnedChannel[]> {
    if (!UUID.test(userId)) return [];
    const rows = await this.em.execute<Array<{ id: string; name: string; created_at: Date }>>(
      `select id, name, created_at from studio.channels where owner_id = ? order by created_at, id`,
      [userId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString() }));
  }
}
