import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { MailMessage } from '@lib/platform';
import { NotificationMails } from '../../application/notification-mails.js';

export const SEND_MAIL_QUEUE = 'engagement.send-mail';

@Injectable()
export class BullNotificationMails extends NotificationMails {
  constructor(@InjectQueue(SEND_MAIL_QUEUE) private readonly sendMailQueue: Queue<MailMessage>) {
    super();
  }

  async queue(mail: MailMessage & { idempotencyKey: string }): Promise<void> {
    // Bull ignores a job id it already holds: a repeated occurrence is mailed once.
    await this.sendMailQueue.add(mail, { jobId: `mail:${mail.idempotencyKey}` });
  }
}
