import { Migration } from '@mikro-orm/migrations';

/** Engagement's direct messages: conversations (1:1 and groups), members, messages, edits, settings. */
export class Migration20261122000410_engagement_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table engagement.conversations (
        id uuid primary key,
        kind text not null,
        title text,
        pair_key text,
        created_by uuid not null,
        created_at timestamptz not null,
        last_seq integer not null default 0,
        last_activity_at timestamptz not null,
        constraint conversations_pair_key unique (pair_key),
        constraint conversations_kind_check check (kind in ('direct', 'group'))
      );`);
    this.addSql(`
      create table engagement.conversation_members (
        conversation_id uuid not null,
        user_id uuid not null,
        role text not null,
        status text not null,
        joined_at timestamptz not null,
        left_at timestamptz,
        read_seq integer not null default 0,
        primary key (conversation_id, user_id),
        constraint conversation_members_role_check check (role in ('member', 'admin')),
        constraint conversation_members_status_check check (status in ('active', 'request', 'declined', 'left', 'removed'))
      );`);
    // The inbox: a user's conversations by status.
    this.addSql(`create index conversation_members_user_idx on engagement.conversation_members (user_id, status);`);
    this.addSql(`
      create table engagement.messages (
        id uuid primary key,
        conversation_id uuid not null,
        seq integer not null,
        revision integer not null,
        sender_id uuid not null,
        client_message_id text not null,
        body text,
        reply_to_id uuid,
        created_at timestamptz not null,
        edited_at timestamptz,
        deleted_at timestamptz,
        version integer not null default 1,
        constraint messages_seq_key unique (conversation_id, seq),
        constraint messages_client_id_key unique (sender_id, client_message_id)
      );`);
    // Catch-up after a reconnect reads changes by revision.
    this.addSql(`create index messages_revision_idx on engagement.messages (conversation_id, revision);`);
    this.addSql(`
      create table engagement.message_edits (
        id uuid primary key,
        message_id uuid not null,
        previous_body text not null,
        edited_at timestamptz not null
      );`);
    this.addSql(`create index message_edits_message_idx on engagement.message_edits (message_id, edited_at);`);
    this.addSql(`
      create table engagement.messaging_settings (
        user_id uuid primary key,
        direct_messages text not null,
        constraint messaging_settings_direct_messages_check check (direct_messages in ('everyone', 'requests', 'followed'))
      );`);
  }
}
