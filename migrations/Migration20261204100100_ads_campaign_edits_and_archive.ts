import { Migration } from '@mikro-orm/migrations';

/** Ads: campaigns and creatives are archived rather than deleted; a campaign may set its own frequency cap. */
export class Migration20261204100100_ads_campaign_edits_and_archive extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table ads.campaigns drop constraint campaigns_status_check;`);
    this.addSql(`alter table ads.campaigns add constraint campaigns_status_check
      check (status in ('active', 'paused', 'archived'));`);
    this.addSql(`alter table ads.campaigns add column archived_at timestamptz null;`);
    this.addSql(`alter table ads.campaigns add column frequency_cap integer null check (frequency_cap > 0);`);
    this.addSql(`alter table ads.creatives add column archived_at timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table ads.creatives drop column archived_at;`);
    this.addSql(`alter table ads.campaigns drop column frequency_cap;`);
    this.addSql(`alter table ads.campaigns drop column archived_at;`);
    this.addSql(`update ads.campaigns set status = 'paused' where status = 'archived';`);
    this.addSql(`alter table ads.campaigns drop constraint campaigns_status_check;`);
    this.addSql(
      `alter table ads.campaigns add constraint campaigns_status_check check (status in ('active', 'paused'));`,
    );
  }
}
