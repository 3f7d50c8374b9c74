import { Migration } from '@mikro-orm/migrations';

/** Reserved: filled in by the change that builds engagement_messages. */
export class Migration20261122000410_engagement_messages extends Migration {
  override async up(): Promise<void> {}
}
