import { Migration } from '@mikro-orm/migrations';

/** Trust & safety: appeals against moderation decisions, lifted sanctions, and where spam labels came from (docs/adr/0034). */
export class Migration20261203050000_trust_safety_appeals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table trust_safety.appeals (
        id uuid primary key,
        decision_id uuid not null,
        appellant_id uuid not null,
        text text not null,
        status text not null,
        item_id uuid not null,
        original_moderator_id uuid,
        original_action text not null,
        target_type text not null,
        target_id text not null,
        decided_by uuid,
        decision_reason text,
        decided_at timestamptz,
        created_at timestamptz not null,
        version integer not null default 1,
        constraint appeals_status_check check (status in ('open', 'upheld', 'denied'))
      );`);
    // One appeal per decision: a second one, even racing the first, is refused.
    this.addSql(`create unique index appeals_decision_key on trust_safety.appeals (decision_id);`);
    this.addSql(`create index appeals_appellant_idx on trust_safety.appeals (appellant_id, created_at);`);
    this.addSql(`
      create table trust_safety.sanction_lifts (
        id uuid primary key,
        user_id uuid not null,
        sanction text not null,
        lifted_by uuid not null,
        reason text not null,
        appeal_id uuid,
        lifted_at timestamptz not null,
        version integer not null default 1
      );`);
    this.addSql(`create index sanction_lifts_user_idx on trust_safety.sanction_lifts (user_id, lifted_at);`);
    // Labels from decisions on items the spam rule raised measure the model's live precision.
    this.addSql(`alter table trust_safety.spam_examples add column decision_id uuid;`);
    this.addSql(`alter table trust_safety.spam_examples add column flagged_by_model boolean not null default false;`);
    this.addSql(
      `create unique index spam_examples_decision_key on trust_safety.spam_examples (decision_id) where decision_id is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index trust_safety.spam_examples_decision_key;`);
    this.addSql(`alter table trust_safety.spam_examples drop column flagged_by_model;`);
    this.addSql(`alter table trust_safety.spam_examples drop column decision_id;`);
    this.addSql(`drop table trust_safety.sanction_lifts;`);
    this.addSql(`drop table trust_safety.appeals;`);
  }
}
