import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChannelAccess, type ChannelRole } from '../../application/media/media-ports.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Answers with plain SQL (no identity map), joining the caller's transaction when there is one. */
@Injectable()
export class SqlChannelAccess extends ChannelAccess {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async roleOf(userId: string, channelId: string): Promise<ChannelRole | null> {
    if (!UUID.test(channelId) || !UUID.test(userId)) return null;
    const rows = await this.em.execute<Array<{ role: ChannelRole }>>(
      `select m->>'role' as role from studio.channels c, jsonb_array_elements(c.members) m
        where c.id = ? and m->>'userId' = ? and m->>'status' = 'active'`,
      [channelId, userId],
    );
    return rows[0]?.role ?? null;
  }

  async memberIds(channelId: string): Promise<string[]> {
    if (!UUID.test(channelId)) return [];
    const rows = await this.em.execute<Array<{ user_id: string }>>(
      `select m->>'userId' as user_id from studio.channels c, jsonb_array_elements(c.members) m where c.id = ? and m->>'status' = 'active'`,
      [channelId],
    );
    return rows.map((row) => row.user_id);
  }

  async ownerOf(channelId: string): Promise<string | null> {
    if (!UUID.test(channelId)) return null;
    const rows = await this.em.execute<Array<{ owner_id: string }>>(
      `select owner_id from studio.channels where id = ?`,
      [channelId],
    );
    return rows[0]?.owner_id ?? null;
  }
}
