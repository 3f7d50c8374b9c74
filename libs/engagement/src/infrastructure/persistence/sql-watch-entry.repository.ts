import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { stableId } from '@lib/platform/ddd';
import { WatchEntry, WatchHistorySettings } from '../../domain/watch-progress/watch-entry.js';
import {
  WatchEntryRepository,
  WatchHistorySettingsRepository,
} from '../../domain/watch-progress/watch-entry.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SqlWatchEntryRepository extends WatchEntryRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async lockFor(userId: string, videoId: string): Promise<WatchEntry | null> {
    // Serialises one person's reports on one video, the first one (no row to lock yet) included.
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      stableId('watch-entry', userId, videoId),
    ]);
    return this.em.findOne(WatchEntry, { userId, videoId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  add(entry: WatchEntry): void {
    this.em.persist(entry);
  }

  async remove(userId: string, entryId: string): Promise<boolean> {
    if (!UUID.test(entryId)) return false;
    const rows = await this.em.execute<unknown[]>(
      `delete from engagement.watch_entries where id = ? and user_id = ? returning 1`,
      [entryId, userId],
    );
    return rows.length > 0;
  }

  async clear(userId: string): Promise<number> {
    const rows = await this.em.execute<unknown[]>(
      `delete from engagement.watch_entries where user_id = ? returning 1`,
      [userId],
    );
    return rows.length;
  }
}

@Injectable()
export class SqlWatchHistorySettingsRepository extends WatchHistorySettingsRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async of(userId: string): Promise<WatchHistorySettings> {
    const [row] = await this.em.execute<Array<{ enabled: boolean; updated_at: Date | string }>>(
      `select enabled, updated_at from engagement.watch_history_settings where user_id = ?`,
      [userId],
    );
    return row
      ? new WatchHistorySettings(userId, row.enabled, new Date(row.updated_at))
      : new WatchHistorySettings(userId, true);
  }

  async save(settings: WatchHistorySettings): Promise<void> {
    await this.em.execute(
      `insert into engagement.watch_history_settings (user_id, enabled, updated_at) values (?, ?, ?::timestamptz)
       on conflict (user_id) do update set enabled = excluded.enabled, updated_at = excluded.updated_at`,
      [settings.userId, settings.enabled, settings.updatedAt.toISOString()],
    );
  }
}
