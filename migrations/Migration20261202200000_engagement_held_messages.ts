import { Migration } from '@mikro-orm/migrations';

/** Engagement: direct messages trust & safety holds for review stay visible to their sender only. */
export class Migration20261202200000_engagement_held_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table engagement.messages add column held_at timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table engagement.messages drop column held_at;`);
  }
}
