import { Injectable } from '@nestjs/common';
import { BoundSql, SqlOutbox } from '@lib/platform';
import {
  Conversation,
  Membership,
  type MemberRole,
  type MemberStatus,
} from '../../domain/conversation/conversation.js';
import { MessageSends } from '../../domain/message/message-sends.js';
import type { Message } from '../../domain/message/message.js';
import { asDuplicateClientMessage } from './duplicate-client-message.js';

interface OpenedRow {
  id: string;
  kind: Conversation['kind'];
  title: string | null;
  pair_key: string | null;
  created_by: string;
  created_at: Date;
  last_seq: number;
  last_activity_at: Date;
  user_id: string | null;
  role: MemberRole;
  status: MemberStatus;
  joined_at: Date;
  left_at: Date | null;
  read_seq: number;
}

// The update takes the row lock the sequence needs; the members come back in the same round trip.
const TAKE_NEXT_SEQ = `
  with conversation as (
    update engagement.conversations set last_seq = last_seq + 1, last_activity_at = ?
     where id = ?
    returning id, kind, title, pair_key, created_by, created_at, last_seq, last_activity_at)
  select c.*, m.user_id, m.role, m.status, m.joined_at, m.left_at, m.read_seq
    from conversation c left join engagement.conversation_members m on m.conversation_id = c.id`;

// The sender's status (always) and the outbox rows (when an event leaves the context) are CTEs of the message's insert.
const INSERT_MESSAGE = `
  insert into engagement.messages
    (id, conversation_id, seq, revision, sender_id, client_message_id, body, reply_to_id, created_at, held_at, version)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`;
const SENDER_STATUS = `sender as (
    update engagement.conversation_members set status = ?
     where conversation_id = ? and user_id = ? and status <> ?)`;

/** `MessageSends` as two statements (sequence + members; message + sender's status + outbox) on the unit of work's connection. */
@Injectable()
export class SqlMessageSends extends MessageSends {
  constructor(
    private readonly sql: BoundSql,
    private readonly outbox: SqlOutbox,
  ) {
    super();
  }

  async takeNextSeq(
    conversationId: string,
    at: Date,
  ): Promise<{ conversation: Conversation; members: Membership[] } | null> {
    const rows = await this.sql.execute<OpenedRow[]>(TAKE_NEXT_SEQ, [at, conversationId]);
    if (!rows.length) return null;
    const [first] = rows;
    // Built as MikroORM builds what it loads: without the constructor, which would mint a new id.
    const conversation: Conversation = Object.assign(Object.create(Conversation.prototype) as Conversation, {
      id: first.id,
      kind: first.kind,
      title: first.title,
      pairKey: first.pair_key,
      createdBy: first.created_by,
      createdAt: first.created_at,
      lastSeq: first.last_seq,
      lastActivityAt: first.last_activity_at,
    });
    const members = rows
      .filter((row) => row.user_id !== null)
      .map((row) =>
        Object.assign(new Membership(row.id, row.user_id!, row.role, row.status), {
          joinedAt: row.joined_at,
          leftAt: row.left_at,
          readSeq: row.read_seq,
        }),
      );
    return { conversation, members };
  }

  async insert(message: Message, sender: Membership): Promise<void> {
    const outbox = this.outbox.insertOf(message, 1);
    const sql = `with ${SENDER_STATUS}${outbox ? `, outbox as (${outbox.sql})` : ''} ${INSERT_MESSAGE}`;
    try {
      await this.sql.execute(sql, [
        sender.status,
        sender.conversationId,
        sender.userId,
        sender.status,
        ...(outbox?.params ?? []),
        message.id,
        message.conversationId,
        message.seq,
        message.revision,
        message.senderId,
        message.clientMessageId,
        message.body,
        message.replyToId,
        message.createdAt,
        message.heldAt,
      ]);
    } catch (error) {
      throw asDuplicateClientMessage(error);
    }
    Object.assign(message, { version: 1 });
  }
}
