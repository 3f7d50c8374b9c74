import { Migration } from '@mikro-orm/migrations';

/** Trust & safety: stored spam models and moderators' labelled examples (docs/adr/0025). */
export class Migration20261202193000_trust_safety_spam_model extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table trust_safety.spam_models (
        version text primary key,
        algorithm text not null,
        parameters text not null,
        trained_on jsonb not null,
        metrics jsonb not null,
        trained_at timestamptz not null
      );`);
    this.addSql(`create index spam_models_trained_at_idx on trust_safety.spam_models (trained_at);`);
    this.addSql(`
      create table trust_safety.spam_examples (
        id uuid primary key,
        text text not null,
        is_spam boolean not null,
        decided_by uuid not null,
        decided_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table trust_safety.spam_examples;`);
    this.addSql(`drop table trust_safety.spam_models;`);
  }
}
