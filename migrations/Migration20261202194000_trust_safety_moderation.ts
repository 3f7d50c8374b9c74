import { Migration } from '@mikro-orm/migrations';

/**
 * Trust & safety: reports, the review queue, moderation decisions, account sanctions and the
 * hash-chained audit log (docs/adr/0026-moderation-queue-and-sanctions.md, 0027-audit-log-hash-chain.md).
 */
export class Migration20261202194000_trust_safety_moderation extends Migration {
  override async up(): Promise<void> {
    // Screening creates the schema too; whichever migration runs first makes it.
    this.addSql(`create schema if not exists trust_safety;`);
    this.addSql(`
      create table trust_safety.reports (
        id uuid primary key,
        reporter_id uuid not null,
        target_type text not null,
        target_id text not null,
        subject_user_id uuid not null,
        category text not null,
        reporter_weight double precision not null,
        details text not null,
        evidence jsonb not null,
        status text not null,
        outcome text,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        resolved_at timestamptz,
        constraint reports_reporter_target_key unique (reporter_id, target_type, target_id),
        constraint reports_status_check check (status in ('open', 'resolved'))
      );`);
    this.addSql(`create index reports_reporter_idx on trust_safety.reports (reporter_id, updated_at desc, id);`);
    this.addSql(
      `create index reports_target_idx on trust_safety.reports (target_type, target_id) where status = 'open';`,
    );
    this.addSql(`
      create table trust_safety.review_items (
        id uuid primary key,
        kind text not null,
        target_type text not null,
        target_id text not null,
        subject_user_id uuid,
        category text not null,
        severity integer not null,
        reporter_weight double precision not null,
        report_count integer not null,
        status text not null,
        claimed_by uuid,
        claimed_at timestamptz,
        due_at timestamptz not null,
        created_at timestamptz not null,
        last_activity_at timestamptz not null,
        resolved_at timestamptz,
        resolved_by uuid,
        resolution text,
        constraint review_items_kind_check check (kind in ('report', 'screening', 'appeal', 'dmca')),
        constraint review_items_status_check check (status in ('open', 'resolved'))
      );`);
    // One open item per target and kind: new reports on it join the item.
    this.addSql(
      `create unique index review_items_open_target_key on trust_safety.review_items (kind, target_type, target_id) where status = 'open';`,
    );
    this.addSql(`create index review_items_open_idx on trust_safety.review_items (status, due_at);`);
    this.addSql(`
      create table trust_safety.decisions (
        id uuid primary key,
        item_id uuid,
        moderator_id uuid,
        action text not null,
        target_type text not null,
        target_id text not null,
        subject_user_id uuid,
        reason text not null,
        rule text,
        timeout_hours integer,
        created_at timestamptz not null,
        version integer not null default 1
      );`);
    // A moderator acting twice on one item gets the first decision back.
    this.addSql(
      `create unique index decisions_item_key on trust_safety.decisions (item_id) where item_id is not null;`,
    );
    this.addSql(`create index decisions_subject_idx on trust_safety.decisions (subject_user_id, created_at);`);
    this.addSql(`
      create table trust_safety.account_sanctions (
        user_id uuid primary key,
        muted_until timestamptz,
        suspended_at timestamptz,
        banned_at timestamptz,
        updated_at timestamptz not null
      );`);
    this.addSql(`
      create table trust_safety.audit_log (
        seq bigint generated always as identity primary key,
        id uuid not null unique,
        actor_id uuid,
        action text not null,
        target_type text not null,
        target_id text not null,
        reason text,
        data jsonb not null,
        occurred_at timestamptz not null,
        prev_hash text not null,
        hash text not null
      );`);
    this.addSql(`create index audit_log_actor_idx on trust_safety.audit_log (actor_id, seq);`);
    this.addSql(`create index audit_log_target_idx on trust_safety.audit_log (target_type, target_id, seq);`);
    this.addSql(`create index audit_log_action_idx on trust_safety.audit_log (action, seq);`);
    // Append-only: the database itself refuses to change or remove an entry.
    this.addSql(`
      create function trust_safety.audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'trust_safety.audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`
      create trigger audit_log_no_update_or_delete before update or delete on trust_safety.audit_log
        for each row execute function trust_safety.audit_log_append_only();`);
    this.addSql(`
      create trigger audit_log_no_truncate before truncate on trust_safety.audit_log
        for each statement execute function trust_safety.audit_log_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table trust_safety.audit_log;`);
    this.addSql(`drop function trust_safety.audit_log_append_only();`);
    this.addSql(`drop table trust_safety.account_sanctions;`);
    this.addSql(`drop table trust_safety.decisions;`);
    this.addSql(`drop table trust_safety.review_items;`);
    this.addSql(`drop table trust_safety.reports;`);
  }
}
