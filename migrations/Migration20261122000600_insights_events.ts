import { Migration } from '@mikro-orm/migrations';

/** Reserved: filled in by the change that builds insights_events. */
export class Migration20261122000600_insights_events extends Migration {
  override async up(): Promise<void> {}
}
