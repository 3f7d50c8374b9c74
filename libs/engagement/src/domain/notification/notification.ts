import { newId } from '@lib/platform/ddd';

/** Every kind of notification, with whether it groups and what a new user gets by default. */
export const NOTIFICATION_TYPES = {
  'follower.new': { groups: true, inApp: true, email: false },
  'message.request': { groups: true, inApp: true, email: false },
  'message.new': { groups: true, inApp: true, email: false },
  mention: { groups: false, inApp: true, email: false },
  // Video comments: new ones on a creator's video group per video while unread.
  'comment.new': { groups: true, inApp: true, email: false },
  'comment.reply': { groups: false, inApp: true, email: false },
  'episode.published': { groups: false, inApp: true, email: false },
  'billing.payment-failed': { groups: false, inApp: true, email: true },
  'subscription.activated': { groups: false, inApp: true, email: true },
  'subscription.plan-changed': { groups: false, inApp: true, email: false },
  'subscription.ended': { groups: false, inApp: true, email: true },
  'export.ready': { groups: false, inApp: true, email: false },
  'account.welcome': { groups: false, inApp: true, email: true },
  'moderation.decision': { groups: false, inApp: true, email: true },
  'billing.usage-threshold-reached': { groups: false, inApp: true, email: true },
} as const;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

/** People shown on a grouped notification ("Ana, Ben and 10 others"). */
const ACTORS_KEPT = 5;

/**
 * Something a user should know. Notifications of a grouping type collapse while unread: a new
 * follower joins the unread "new followers" notification instead of adding another.
 */
export class Notification {
  count = 1;
  actorIds: string[];
  readAt: Date | null = null;
  readonly createdAt: Date = new Date();
  updatedAt: Date = this.createdAt;

  constructor(
    readonly userId: string,
    readonly type: NotificationType,
    actorId: string | null,
    /** What it is about (a conversation, a video, an invoice…), for the client's link. */
    readonly subjectId: string | null,
    readonly data: Record<string, unknown>,
    /** Same key, same unread notification: grouping types only. */
    readonly groupKey: string | null,
    readonly id: string = newId(),
  ) {
    this.actorIds = actorId ? [actorId] : [];
  }

  /** Folds another occurrence into this unread group; false when the actor is already counted. */
  absorb(actorId: string | null, at = new Date()): boolean {
    if (actorId && this.actorIds.includes(actorId)) return false;
    this.count += 1;
    if (actorId) this.actorIds = [actorId, ...this.actorIds].slice(0, ACTORS_KEPT);
    this.updatedAt = at;
    return true;
  }

  markRead(at = new Date()): boolean {
    if (this.readAt) return false;
    this.readAt = at;
    return true;
  }
}

/** A user's choice for one type: shown in the app, sent by e-mail. */
export class NotificationPreference {
  constructor(
    readonly userId: string,
    readonly type: NotificationType,
    public inApp: boolean,
    public email: boolean,
  ) {}
}
