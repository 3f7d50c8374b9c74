import { Migration } from '@mikro-orm/migrations';

/** Trust & safety: the verdicts kept for review and the versions of the moderation policy (docs/adr/0024). */
export class Migration20261202190000_trust_safety_screening extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists trust_safety;`);
    this.addSql(`
      create table trust_safety.screenings (
        id uuid primary key,
        content_type text not null,
        content_id text not null,
        author_id uuid not null,
        surface text not null,
        action text not null,
        rule text not null,
        signals jsonb not null,
        policy_version int not null,
        spam_model_version text null,
        text text not null,
        status text not null,
        created_at timestamptz not null
      );`);
    this.addSql(`create index screenings_status_idx on trust_safety.screenings (status, created_at);`);
    this.addSql(`create index screenings_content_idx on trust_safety.screenings (content_type, content_id);`);
    this.addSql(`create index screenings_author_idx on trust_safety.screenings (author_id, created_at);`);
    this.addSql(`
      create table trust_safety.moderation_policies (
        version int primary key,
        document jsonb not null,
        edited_by uuid not null,
        edited_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table trust_safety.moderation_policies;`);
    this.addSql(`drop table trust_safety.screenings;`);
  }
}
