import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessageVisibility, type VisibleMessage } from '../../contracts/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contract port: the same read rule as the conversation member's `canRead`. */
@Injectable()
export class SqlMessageVisibility extends MessageVisibility {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async messageVisibleTo(messageId: string, viewerId: string): Promise<VisibleMessage | null> {
    if (!UUID.test(messageId) || !UUID.test(viewerId)) return null;
    const [row] = await this.em.execute<{ id: string; conversation_id: string; sender_id: string }[]>(
      `select m.id, m.conversation_id, m.sender_id from engagement.messages m
         join engagement.conversation_members cm on cm.conversation_id = m.conversation_id and cm.user_id = ?
        where m.id = ? and m.deleted_at is null and cm.status in ('active', 'request', 'declined')`,
      [viewerId, messageId],
    );
    return row ? { messageId: row.id, conversationId: row.conversation_id, senderId: row.sender_id } : null;
  }
}
