import type { EntityManager } from '@mikro-orm/postgresql';

/** Messages from others, past the read mark, not deleted: what a badge counts. */
const UNREAD = `(select count(*) from engagement.messages x
                  where x.conversation_id = m.conversation_id and x.seq > m.read_seq
                    and x.sender_id <> m.user_id and x.deleted_at is null)::int`;

export async function unreadIn(em: EntityManager, conversationId: string, userId: string, readSeq: number): Promise<number> {
  const [row] = await em.execute<{ unread: number }[]>(
    `select count(*)::int as unread from engagement.messages
      where conversation_id = ? and seq > ? and sender_id <> ? and deleted_at is null`,
    [conversationId, readSeq, userId],
  );
  return row?.unread ?? 0;
}

/** Unread messages over the inbox, and how many message requests wait. */
export async function unreadTotals(em: EntityManager, userId: string): Promise<{ unread: number; requests: number }> {
  const [row] = await em.execute<{ unread: number; requests: number }[]>(
    `select coalesce(sum(${UNREAD}) filter (where m.status = 'active'), 0)::int as unread,
            count(*) filter (where m.status = 'request' and c.last_seq > 0)::int as requests
       from engagement.conversation_members m join engagement.conversations c on c.id = m.conversation_id
      where m.user_id = ? and m.status in ('active', 'request')`,
    [userId],
  );
  return { unread: row?.unread ?? 0, requests: row?.requests ?? 0 };
}

export { UNREAD as UNREAD_COUNT_SQL };
