import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WeeklyReportStore } from '../../application/weekly-reports.js';

@Injectable()
export class SqlWeeklyReportStore extends WeeklyReportStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async optIn(channelId: string, userId: string, at: Date): Promise<void> {
    await this.em.execute(
      `insert into insights.weekly_reports (channel_id, user_id, created_at) values (?, ?, ?::timestamptz) on conflict do nothing`,
      [channelId, userId, at.toISOString()],
    );
  }

  async optOut(channelId: string, userId: string): Promise<void> {
    await this.em.execute(`delete from insights.weekly_reports where channel_id = ? and user_id = ?`, [
      channelId,
      userId,
    ]);
  }

  async due(week: Date, limit: number) {
    const rows = await this.em.execute<Array<{ channel_id: string; user_id: string }>>(
      `select channel_id, user_id from insights.weekly_reports where last_sent_week is null or last_sent_week < ?::date order by channel_id, user_id limit ?`,
      [week.toISOString().slice(0, 10), limit],
    );
    return rows.map((row) => ({ channelId: row.channel_id, userId: row.user_id }));
  }

  async markSent(channelId: string, userId: string, week: Date): Promise<void> {
    await this.em.execute(
      `update insights.weekly_reports set last_sent_week = ?::date where channel_id = ? and user_id = ?`,
      [week.toISOString().slice(0, 10), channelId, userId],
    );
  }
}
