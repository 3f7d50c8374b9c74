import { Migration } from '@mikro-orm/migrations';

/** Trust & safety: DMCA notices, counter-notices, restoration and court actions (docs/adr/0035). */
export class Migration20261203060100_trust_safety_dmca extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table trust_safety.dmca_notices (
        id uuid primary key,
        video_id uuid not null,
        uploader_id uuid not null,
        status text not null,
        notice jsonb not null,
        claimant_email text not null,
        claimant_token_hash text not null,
        takedown_decision_id uuid not null,
        counter_notice jsonb,
        counter_noticed_at timestamptz,
        restore_at timestamptz,
        restored_at timestamptz,
        restore_decision_id uuid,
        court_action jsonb,
        court_action_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        constraint dmca_notices_status_check check (status in ('taken-down', 'counter-noticed', 'restored', 'court-action'))
      );`);
    // Repeat infringers are counted per uploader; restoration sweeps look for what is due.
    this.addSql(`create index dmca_notices_uploader_idx on trust_safety.dmca_notices (uploader_id, created_at);`);
    this.addSql(
      `create index dmca_notices_due_idx on trust_safety.dmca_notices (restore_at) where status = 'counter-noticed';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table trust_safety.dmca_notices;`);
  }
}
