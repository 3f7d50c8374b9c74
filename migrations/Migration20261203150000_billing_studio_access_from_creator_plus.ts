import { Migration } from '@mikro-orm/migrations';

/**
 * Studio access starts at Creator Plus (the product brief): deployments seeded before this change
 * gave it to Free and Prime. Only those two default plans, and only while they still carry the
 * seeded value, so an operator's own plans are left alone.
 */
export class Migration20261203150000_billing_studio_access_from_creator_plus extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update billing.plans
      set entitlements = jsonb_set(entitlements, '{studio_access}', 'false'::jsonb)
      where id in ('free', 'prime') and entitlements->'studio_access' = 'true'::jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update billing.plans
      set entitlements = jsonb_set(entitlements, '{studio_access}', 'true'::jsonb)
      where id in ('free', 'prime');`);
  }
}
