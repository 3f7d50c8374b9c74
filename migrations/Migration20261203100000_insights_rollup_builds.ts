import { Migration } from '@mikro-orm/migrations';

/** Insights: hours being rolled up right now, so an export waits for a build another runner has taken. */
export class Migration20261203100000_insights_rollup_builds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table insights.rollup_builds (hour timestamptz primary key, taken_at timestamptz not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table insights.rollup_builds;`);
  }
}
