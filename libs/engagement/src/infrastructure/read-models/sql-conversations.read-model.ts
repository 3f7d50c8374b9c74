import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BoundSql } from '@lib/platform';
import {
  ConversationsReadModel,
  type ConversationSummary,
} from '../../application/read-models/conversations.read-model.js';
import { Message, MessageEdit } from '../../domain/message/message.js';

interface ConversationRow {
  id: string;
  kind: string;
  title: string | null;
  created_by: string;
  last_seq: number;
  last_activity_at: Date;
  role: string;
  status: string;
  read_seq: number;
  unread: number;
  lm_id: string | null;
  lm_seq: number | null;
  lm_sender_id: string | null;
  lm_body: string | null;
  lm_created_at: Date | null;
  lm_deleted_at: Date | null;
}

interface MemberRow {
  conversation_id: string;
  user_id: string;
  role: string;
  status: string;
  handle: string | null;
  display_name: string | null;
  avatar_url: string | null;
}

/** Messages from others, past the read mark, not deleted nor held for review: what a badge counts. */
const UNREAD = `(select count(*) from engagement.messages x
                  where x.conversation_id = m.conversation_id and x.seq > m.read_seq
                    and x.sender_id <> m.user_id and x.deleted_at is null and x.held_at is null)::int`;

const CONVERSATIONS = `
  select c.id, c.kind, c.title, c.created_by, c.last_seq, c.last_activity_at, m.role, m.status, m.read_seq,
         ${UNREAD} as unread,
         lm.id as lm_id, lm.seq as lm_seq, lm.sender_id as lm_sender_id, lm.body as lm_body,
         lm.created_at as lm_created_at, lm.deleted_at as lm_deleted_at
    from engagement.conversation_members m
    join engagement.conversations c on c.id = m.conversation_id
    left join lateral (select * from engagement.messages x
                        where x.conversation_id = c.id and (x.held_at is null or x.sender_id = m.user_id)
                        order by x.seq desc limit 1) lm on true`;

@Injectable()
export class SqlConversationsReadModel extends ConversationsReadModel {
  constructor(
    private readonly em: EntityManager,
    private readonly sql: BoundSql,
  ) {
    super();
  }

  async page(
    userId: string,
    status: 'active' | 'request',
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<ConversationSummary[]> {
    const rows = await this.sql.execute<ConversationRow[]>(
      `${CONVERSATIONS}
        where m.user_id = ? and m.status = ?
          -- a 1:1 conversation shows up for its recipient with its first message
          and (c.kind = 'group' or c.last_seq > 0 or c.created_by = m.user_id)
          ${after ? 'and (c.last_activity_at, c.id) < (?::timestamptz, ?::uuid)' : ''}
        order by c.last_activity_at desc, c.id desc
        limit ?`,
      [userId, status, ...(after ? [after.at.toISOString(), after.id] : []), limit],
    );
    return this.describe(rows);
  }

  async one(userId: string, conversationId: string): Promise<ConversationSummary | undefined> {
    const rows = await this.sql.execute<ConversationRow[]>(
      `${CONVERSATIONS} where m.user_id = ? and m.conversation_id = ?`,
      [userId, conversationId],
    );
    return (await this.describe(rows))[0];
  }

  async unreadTotals(userId: string): Promise<{ unread: number; requests: number }> {
    const [row] = await this.sql.execute<{ unread: number; requests: number }[]>(
      `select coalesce(sum(${UNREAD}) filter (where m.status = 'active'), 0)::int as unread,
              count(*) filter (where m.status = 'request' and c.last_seq > 0)::int as requests
         from engagement.conversation_members m join engagement.conversations c on c.id = m.conversation_id
        where m.user_id = ? and m.status in ('active', 'request')`,
      [userId],
    );
    return { unread: row?.unread ?? 0, requests: row?.requests ?? 0 };
  }

  async unreadIn(conversationId: string, userId: string, readSeq: number): Promise<number> {
    const [row] = await this.sql.execute<{ unread: number }[]>(
      `select count(*)::int as unread from engagement.messages
        where conversation_id = ? and seq > ? and sender_id <> ? and deleted_at is null and held_at is null`,
      [conversationId, readSeq, userId],
    );
    return row?.unread ?? 0;
  }

  changedAfter(conversationId: string, viewerId: string, revision: number, limit: number): Promise<Message[]> {
    return this.em.find(
      Message,
      { conversationId, revision: { $gt: revision }, ...visibleTo(viewerId) },
      { orderBy: { revision: 'asc' }, limit },
    );
  }

  latest(conversationId: string, viewerId: string, limit: number, beforeSeq?: number): Promise<Message[]> {
    return this.em.find(
      Message,
      beforeSeq !== undefined
        ? { conversationId, seq: { $lt: beforeSeq }, ...visibleTo(viewerId) }
        : { conversationId, ...visibleTo(viewerId) },
      { orderBy: { seq: 'desc' }, limit },
    );
  }

  editsOf(messageId: string): Promise<MessageEdit[]> {
    return this.em.find(MessageEdit, { messageId }, { orderBy: { editedAt: 'asc' } });
  }

  private async describe(rows: ConversationRow[]): Promise<ConversationSummary[]> {
    const ids = rows.map((r) => r.id);
    const members = ids.length
      ? await this.sql.execute<MemberRow[]>(
          `select cm.conversation_id, cm.user_id, cm.role, cm.status, p.handle, p.display_name, p.avatar_url
             from engagement.conversation_members cm left join engagement.people p on p.user_id = cm.user_id
            where cm.conversation_id in (${ids.map(() => '?').join(', ')}) and cm.status in ('active', 'request')
            order by cm.joined_at`,
          ids,
        )
      : [];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      createdBy: row.created_by,
      lastSeq: Number(row.last_seq),
      lastActivityAt: new Date(row.last_activity_at).toISOString(),
      me: { role: row.role, status: row.status, readSeq: Number(row.read_seq) },
      unread: row.unread,
      lastMessage: row.lm_id
        ? {
            id: row.lm_id,
            seq: Number(row.lm_seq),
            senderId: row.lm_sender_id,
            text: row.lm_body,
            createdAt: new Date(row.lm_created_at!).toISOString(),
            deleted: row.lm_deleted_at !== null,
          }
        : null,
      members: members
        .filter((m) => m.conversation_id === row.id)
        .map((m) => ({
          userId: m.user_id,
          handle: m.handle,
          displayName: m.display_name,
          avatarUrl: m.avatar_url,
          role: m.role,
          status: m.status,
        })),
    }));
  }
}

/** Held messages exist only for their sender until trust & safety releases them. */
const visibleTo = (viewerId: string) => ({ $or: [{ heldAt: null }, { senderId: viewerId }] });
