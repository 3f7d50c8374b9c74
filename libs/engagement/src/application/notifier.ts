import { Injectable, Logger } from '@nestjs/common';
import { RealtimeEmitter, stableId, UnitOfWork } from '@lib/platform';
import {
  NOTIFICATION_TYPES,
  Notification,
  NotificationPreference,
  type NotificationType,
} from '../domain/notification/notification.js';
import {
  NotificationPreferenceRepository,
  NotificationRepository,
} from '../domain/notification/notification.repository.js';
import { PersonRepository } from '../domain/person/person.repository.js';
import { RestrictionRepository } from '../domain/restriction/restriction.repository.js';
import { NotificationMails } from './notification-mails.js';
import { notificationViews } from './notification-views.js';
import { NOTIFICATION_NEW } from './realtime-events.js';

export interface NotificationRequest {
  userId: string;
  /**
   * What happened, the same on every retry (the event's id, a job's key): with the type and the
   * recipient it fixes the notification's id and the e-mail's idempotency key.
   */
  occurrence: string;
  type: NotificationType;
  actorId?: string | null;
  subjectId?: string | null;
  data?: Record<string, unknown>;
  /** For grouping types: what unread notifications it folds into (default: one group per type). */
  groupKey?: string;
  /** The e-mail, for recipients who want this type by e-mail; a function gets the actor's name. */
  email?: { subject: string; text: string } | ((actorName: string) => { subject: string; text: string });
  /** Where to mail when engagement's copy of the person is not there yet (the event itself carries it). */
  recipientEmail?: string;
}

/**
 * Creates (or groups) a notification in the caller's transaction (a consumer's inbox transaction or
 * a unit of work), respecting the recipient's preferences, blocks and mutes. Once that transaction commits — never before, never if it fails —
 * the notification is pushed to the recipient's devices and e-mailed when they want. Ids come from
 * the occurrence, so a retried delivery recreates the same notification and the same mail key.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);

  constructor(
    private readonly realtime: RealtimeEmitter,
    private readonly mails: NotificationMails,
    private readonly restrictions: RestrictionRepository,
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly people: PersonRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async notify(request: NotificationRequest): Promise<Notification | null> {
    const actorId = request.actorId ?? null;
    if (actorId && (actorId === request.userId || (await this.silenced(request.userId, actorId)))) return null;
    const preference = await this.preferenceOf(request.userId, request.type);
    if (!preference.inApp && !preference.email) return null;

    const deliveryId = stableId(request.occurrence, request.type, request.userId);
    let notification: Notification | null = null;
    if (preference.inApp) {
      notification = await this.record(request, actorId, deliveryId);
      if (notification) {
        const [view] = await notificationViews([notification], this.people);
        this.unitOfWork.afterCommit(() => this.realtime.toUser(request.userId, NOTIFICATION_NEW, view));
      }
    }
    if (preference.email && request.email) {
      const person = await this.people.find(request.userId);
      const address = person?.email ?? request.recipientEmail;
      if (address) {
        const actor = actorId ? await this.people.find(actorId) : null;
        const mail =
          typeof request.email === 'function' ? request.email(actor?.displayName ?? 'Someone') : request.email;
        this.unitOfWork.afterCommit(() =>
          this.mails.queue({ to: address, subject: mail.subject, text: mail.text, idempotencyKey: deliveryId }),
        );
      } else {
        this.logger.debug({ userId: request.userId }, 'no e-mail address known for this user');
      }
    }
    return notification;
  }

  async preferenceOf(userId: string, type: NotificationType): Promise<NotificationPreference> {
    const stored = await this.preferences.find(userId, type);
    const defaults = NOTIFICATION_TYPES[type];
    return stored ?? new NotificationPreference(userId, type, defaults.inApp, defaults.email);
  }

  private async record(request: NotificationRequest, actorId: string | null, id: string): Promise<Notification | null> {
    const groups = NOTIFICATION_TYPES[request.type].groups;
    const groupKey = groups ? (request.groupKey ?? request.type) : null;
    if (groupKey) {
      const open = await this.notifications.openGroupForUpdate(request.userId, groupKey);
      if (open) return open.absorb(actorId) ? open : null;
    }
    const notification = new Notification(
      request.userId,
      request.type,
      actorId,
      request.subjectId ?? null,
      request.data ?? {},
      groupKey,
      id,
    );
    this.notifications.add(notification);
    return notification;
  }

  /** The recipient does not hear from people they mute, nor from anyone either side blocks. */
  private async silenced(userId: string, actorId: string): Promise<boolean> {
    return (
      (await this.restrictions.has(userId, actorId, 'mute')) || (await this.restrictions.eitherBlocks(userId, actorId))
    );
  }
}
