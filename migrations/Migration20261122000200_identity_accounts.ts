import { Migration } from '@mikro-orm/migrations';

/** Accounts, login sessions with rotating refresh tokens, and API keys. */
export class Migration20261122000200_identity_accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists identity;`);
    this.addSql(`
      create table identity.users (
        id uuid primary key,
        email text not null constraint users_email_key unique,
        handle text not null constraint users_handle_key unique,
        display_name text not null,
        bio text,
        avatar_url text,
        roles text[] not null default '{member}',
        password_hash text not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        constraint users_email_lowercase check (email = lower(email)),
        constraint users_handle_format check (handle ~ '^[a-z0-9_]{3,30}$')
      );`);
    this.addSql(`create index users_roles_idx on identity.users using gin (roles);`);
    this.addSql(`create index users_updated_at_idx on identity.users (updated_at);`);
    this.addSql(`
      create table identity.sessions (
        id uuid primary key,
        user_id uuid not null references identity.users (id) on delete cascade,
        created_at timestamptz not null,
        last_refreshed_at timestamptz not null,
        ended_at timestamptz,
        end_reason text,
        user_agent text
      );`);
    this.addSql(`create index sessions_user_idx on identity.sessions (user_id);`);
    // Only hashes are stored; a token row stays after use so a replay can be recognised as one.
    this.addSql(`
      create table identity.refresh_tokens (
        token_hash text primary key,
        session_id uuid not null references identity.sessions (id) on delete cascade,
        issued_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz
      );`);
    this.addSql(`create index refresh_tokens_session_idx on identity.refresh_tokens (session_id);`);
    this.addSql(`
      create table identity.api_keys (
        id uuid primary key,
        user_id uuid not null references identity.users (id) on delete cascade,
        name text not null,
        scopes text[] not null,
        display_prefix text not null,
        secret_hash text not null constraint api_keys_secret_hash_key unique,
        created_at timestamptz not null,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );`);
    this.addSql(`create index api_keys_user_idx on identity.api_keys (user_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists identity cascade;`);
  }
}
