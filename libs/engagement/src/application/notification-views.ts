import type { Notification } from '../domain/notification/notification.js';

export interface NotificationView {
  id: string;
  type: string;
  count: number;
  actorIds: string[];
  subjectId: string | null;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toNotificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    type: notification.type,
    count: notification.count,
    actorIds: [...notification.actorIds],
    subjectId: notification.subjectId,
    data: notification.data,
    read: notification.readAt !== null,
    createdAt: notification.createdAt.toISOString(),
    updatedAt: notification.updatedAt.toISOString(),
  };
}
