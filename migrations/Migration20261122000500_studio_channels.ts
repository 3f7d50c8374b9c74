import { Migration } from '@mikro-orm/migrations';

/** Reserved: filled in by the change that builds studio_channels. */
export class Migration20261122000500_studio_channels extends Migration {
  override async up(): Promise<void> {}
}
