import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { MessagingPolicy } from '../../messaging/messaging-policy.js';
import { GetConversationQuery, GetMessagingSettingsQuery, ListConversationsQuery } from './list-conversations.query.js';
import { UNREAD_COUNT_SQL, unreadTotals } from './unread-counts.js';

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

const CONVERSATIONS = `
  select c.id, c.kind, c.title, c.created_by, c.last_seq, c.last_activity_at, m.role, m.status, m.read_seq,
         ${UNREAD_COUNT_SQL} as unread,
         lm.id as lm_id, lm.seq as lm_seq, lm.sender_id as lm_sender_id, lm.body as lm_body,
         lm.created_at as lm_created_at, lm.deleted_at as lm_deleted_at
    from engagement.conversation_members m
    join engagement.conversations c on c.id = m.conversation_id
    left join lateral (select * from engagement.messages x where x.conversation_id = c.id order by x.seq desc limit 1) lm on true`;

/** Conversation lists and details, with unread counts, the last message and the members. */
@QueryHandler(ListConversationsQuery)
export class ListConversationsHandler implements IQueryHandler<ListConversationsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, folder, limit, cursor }: ListConversationsQuery) {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.em.execute<ConversationRow[]>(
      `${CONVERSATIONS}
        where m.user_id = ? and m.status = ?
          -- a 1:1 conversation shows up for its recipient with its first message
          and (c.kind = 'group' or c.last_seq > 0 or c.created_by = m.user_id)
          ${after ? 'and (c.last_activity_at, c.id) < (?::timestamptz, ?::uuid)' : ''}
        order by c.last_activity_at desc, c.id desc
        limit ?`,
      [userId, folder === 'inbox' ? 'active' : 'request', ...(after ? [after.at.toISOString(), after.id] : []), limit + 1],
    );
    const page = rows.slice(0, limit);
    const items = await describe(this.em, page);
    const last = page[page.length - 1];
    return {
      items,
      ...(await unreadTotals(this.em, userId)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(new Date(last.last_activity_at), last.id) : undefined,
    };
  }
}

@QueryHandler(GetConversationQuery)
export class GetConversationHandler implements IQueryHandler<GetConversationQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly members: ConversationMembers,
  ) {}

  async execute({ userId, conversationId }: GetConversationQuery) {
    await this.members.load(conversationId, userId);
    const rows = await this.em.execute<ConversationRow[]>(`${CONVERSATIONS} where m.user_id = ? and m.conversation_id = ?`, [userId, conversationId]);
    return (await describe(this.em, rows))[0];
  }
}

@QueryHandler(GetMessagingSettingsQuery)
export class GetMessagingSettingsHandler implements IQueryHandler<GetMessagingSettingsQuery> {
  constructor(private readonly policy: MessagingPolicy) {}

  async execute({ userId }: GetMessagingSettingsQuery) {
    return { directMessages: (await this.policy.settingsOf(userId)).directMessages };
  }
}

async function describe(em: EntityManager, rows: ConversationRow[]) {
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await em.execute<MemberRow[]>(
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
      .map((m) => ({ userId: m.user_id, handle: m.handle, displayName: m.display_name, avatarUrl: m.avatar_url, role: m.role, status: m.status })),
  }));
}
