import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyUsage } from '../../application/usage/api-key-usage.js';

@Injectable()
export class SqlApiKeyUsage extends ApiKeyUsage {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(input: { apiKeyId: string; userId: string; periodStart: Date }): Promise<void> {
    await this.em.execute(
      `insert into billing.api_key_usage as u (key_id, user_id, period_start, calls) values (?, ?, ?, 1)
       on conflict (key_id, period_start) do update set calls = u.calls + 1`,
      [input.apiKeyId, input.userId, input.periodStart],
    );
  }

  async callsOf(apiKeyId: string, periodStart: Date): Promise<number> {
    const rows = await this.em.execute<{ calls: string }[]>(
      `select calls from billing.api_key_usage where key_id = ? and period_start = ?`,
      [apiKeyId, periodStart],
    );
    return rows.length ? Number(rows[0].calls) : 0;
  }

  async callsByKey(userId: string, periodStart: Date) {
    const rows = await this.em.execute<{ key_id: string; calls: string }[]>(
      `select key_id, calls from billing.api_key_usage where user_id = ? and period_start = ? order by calls desc, key_id`,
      [userId, periodStart],
    );
    return rows.map((row) => ({ apiKeyId: row.key_id, calls: Number(row.calls) }));
  }
}
