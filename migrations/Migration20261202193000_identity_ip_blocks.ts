import { Migration } from '@mikro-orm/migrations';

/** Identity: the admin-managed IP/CIDR block list, enforced by the platform from Redis. */
export class Migration20261202193000_identity_ip_blocks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table identity.ip_blocks (
        id uuid primary key,
        range text not null constraint ip_blocks_range_key unique,
        reason text not null,
        created_by uuid not null,
        created_at timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table identity.ip_blocks;`);
  }
}
