import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Notification, NotificationPreference, type NotificationType } from '../../domain/notification/notification.js';
import {
  NotificationPreferenceRepository,
  NotificationRepository,
} from '../../domain/notification/notification.repository.js';

@Injectable()
export class MikroOrmNotificationRepository extends NotificationRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  openGroupForUpdate(userId: string, groupKey: string): Promise<Notification | null> {
    // Locked: two followers arriving at once must both be counted.
    return this.em.findOne(Notification, { userId, groupKey, readAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  findOwned(id: string, userId: string): Promise<Notification | null> {
    return this.em.findOne(Notification, { id, userId });
  }

  async recipientsAlreadyTold(type: NotificationType, subjectId: string, userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const told = await this.em.execute<{ user_id: string }[]>(
      `select user_id from engagement.notifications
        where type = ? and subject_id = ? and user_id in (${userIds.map(() => '?').join(', ')})`,
      [type, subjectId, ...userIds],
    );
    return new Set(told.map((row) => row.user_id));
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await this.em.execute<unknown[]>(
      `update engagement.notifications set read_at = now() where user_id = ? and read_at is null returning 1`,
      [userId],
    );
    return rows.length;
  }

  add(notification: Notification): void {
    this.em.persist(notification);
  }
}

@Injectable()
export class MikroOrmNotificationPreferenceRepository extends NotificationPreferenceRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  find(userId: string, type: NotificationType): Promise<NotificationPreference | null> {
    return this.em.findOne(NotificationPreference, { userId, type });
  }

  async save(preference: NotificationPreference): Promise<void> {
    await this.em.upsert(NotificationPreference, preference);
  }
}
