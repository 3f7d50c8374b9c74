import { Migration } from '@mikro-orm/migrations';

/** Identity: verified e-mail addresses and one-time links for verification and password reset (ADR 0032). */
export class Migration20261202190000_identity_email_verification_and_reset extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table identity.users add column email_verified_at timestamptz;`);
    this.addSql(`
      create table identity.account_tokens (
        id uuid primary key,
        user_id uuid not null references identity.users (id) on delete cascade,
        purpose text not null constraint account_tokens_purpose check (purpose in ('email-verification', 'password-reset')),
        email text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz
      );`);
    this.addSql(
      `create index account_tokens_user_idx on identity.account_tokens (user_id, purpose) where used_at is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table identity.account_tokens;`);
    this.addSql(`alter table identity.users drop column email_verified_at;`);
  }
}
