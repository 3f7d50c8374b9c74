import { Command } from '@nestjs/cqrs';

export class MarkNotificationsReadCommand extends Command<{ marked: number; unread: number }> {
  constructor(
    readonly userId: string,
    /** One notification, or all of the user's unread ones when null. */
    readonly notificationId: string | null,
  ) {
    super();
  }
}
