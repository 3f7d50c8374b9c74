import { Migration } from '@mikro-orm/migrations';

/**
 * Channel branding (docs/adr/0062): accent colour, tagline and the banner and logo images' storage
 * keys, as one jsonb value on the channel; null until someone brands it.
 */
export class Migration20261204120000_studio_channel_branding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table studio.channels add column branding jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table studio.channels drop column branding;`);
  }
}
