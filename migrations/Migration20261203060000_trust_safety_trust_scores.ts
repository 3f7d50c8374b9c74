import { Migration } from '@mikro-orm/migrations';

/**
 * Trust & safety: trust scores per account and the follows they count, mirrored from engagement's
 * events (docs/adr/0036-trust-scores-and-suspension-effects.md).
 */
export class Migration20261203060000_trust_safety_trust_scores extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists trust_safety;`);
    this.addSql(`
      create table trust_safety.account_trust (
        user_id uuid primary key,
        score double precision not null default 0,
        level smallint not null default 0 check (level between 0 and 3),
        inputs jsonb not null default '{}'::jsonb,
        email_verified_at timestamptz,
        account_created_at timestamptz,
        pinned_level smallint check (pinned_level between 0 and 3),
        pinned_by uuid,
        pinned_reason text,
        pinned_at timestamptz,
        computed_at timestamptz,
        updated_at timestamptz not null
      );`);
    this.addSql(`
      create table trust_safety.trust_follows (
        follower_id uuid not null,
        followee_id uuid not null,
        followed_at timestamptz not null,
        primary key (follower_id, followee_id)
      );`);
    this.addSql(`create index trust_follows_followee_idx on trust_safety.trust_follows (followee_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table trust_safety.trust_follows;`);
    this.addSql(`drop table trust_safety.account_trust;`);
  }
}
