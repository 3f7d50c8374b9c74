import { Migration } from '@mikro-orm/migrations';

/** Reserved: filled in by the change that builds studio_media. */
export class Migration20261122000510_studio_media extends Migration {
  override async up(): Promise<void> {}
}
