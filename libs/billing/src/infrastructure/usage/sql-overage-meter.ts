import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { OverageMeter } from '../../application/usage/overage-meter.js';
import type { QuotaName } from '../../domain/plan/entitlements.js';

/**
 * Keeps, per person, quota and period, the overage units reported so far; only a rise is reported,
 * under the row's lock, so concurrent consumptions never report a unit twice.
 */
@Injectable()
export class SqlOverageMeter extends OverageMeter {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async report(input: {
    userId: string;
    planId: string;
    quota: QuotaName;
    periodStart: Date;
    totalUnits: number;
  }): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into billing.overage_reports (user_id, quota, period_start, units_reported) values (?, ?, ?, 0)
         on conflict do nothing`,
        [input.userId, input.quota, input.periodStart],
      );
      const [row] = await em.execute<{ units_reported: string }[]>(
        `select units_reported from billing.overage_reports where user_id = ? and quota = ? and period_start = ? for update`,
        [input.userId, input.quota, input.periodStart],
      );
      if (Number(row.units_reported) >= input.totalUnits) return;
      await em.execute(
        `update billing.overage_reports set units_reported = ?, updated_at = now() where user_id = ? and quota = ? and period_start = ?`,
        [input.totalUnits, input.userId, input.quota, input.periodStart],
      );
    });
  }
}
