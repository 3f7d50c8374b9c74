import type { Notification } from '../domain/notification/notification.js';
import type { PersonRepository } from '../domain/person/person.repository.js';

/** Who is behind a notification, as a client shows them (null fields: an account engagement has not seen). */
export interface NotificationActorView {
  userId: string;
  handle: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

export interface NotificationView {
  id: string;
  type: string;
  count: number;
  actorIds: string[];
  actors: NotificationActorView[];
  subjectId: string | null;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toNotificationView(
  notification: Notification,
  people: ReadonlyMap<string, Omit<NotificationActorView, 'userId'>> = new Map(),
): NotificationView {
  return {
    id: notification.id,
    type: notification.type,
    count: notification.count,
    actorIds: [...notification.actorIds],
    actors: notification.actorIds.map((userId) => ({
      userId,
      handle: people.get(userId)?.handle ?? null,
      displayName: people.get(userId)?.displayName ?? null,
      avatarUrl: people.get(userId)?.avatarUrl ?? null,
    })),
    subjectId: notification.subjectId,
    data: notification.data,
    read: notification.readAt !== null,
    createdAt: notification.createdAt.toISOString(),
    updatedAt: notification.updatedAt.toISOString(),
  };
}

/** Notifications as clients render them: each with its actors' display fields, in one lookup. */
export async function notificationViews(
  notifications: readonly Notification[],
  people: PersonRepository,
): Promise<NotificationView[]> {
  const actorIds = [...new Set(notifications.flatMap((notification) => notification.actorIds))];
  const known = new Map((await people.findMany(actorIds)).map((person) => [person.userId, person]));
  return notifications.map((notification) => toNotificationView(notification, known));
}
