import { Migration } from '@mikro-orm/migrations';

/**
 * Engagement: a moderator's removal of a direct message keeps its text aside (`removed_body`) so an
 * upheld appeal can restore it; the check keeps that text out of `body`, the column readers show.
 */
export class Migration20261203091000_engagement_removed_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table engagement.messages
      add column removed_at timestamptz null,
      add column removed_body text null,
      add constraint messages_removed_check check (
        (removed_at is null and removed_body is null)
        or (removed_body is not null and body is null and deleted_at is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table engagement.messages
      drop constraint messages_removed_check, drop column removed_body, drop column removed_at;`);
  }
}
