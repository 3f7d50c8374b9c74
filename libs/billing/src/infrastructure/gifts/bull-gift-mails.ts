import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { MailMessage } from '@lib/platform';
import { BILLING_MAIL_QUEUE, GiftMails } from '../../application/gifts/gift-mails.js';

@Injectable()
export class BullGiftMails extends GiftMails {
  constructor(@InjectQueue(BILLING_MAIL_QUEUE) private readonly mails: Queue<MailMessage>) {
    super();
  }

  async queue(mail: MailMessage & { idempotencyKey: string }): Promise<void> {
    // Bull ignores a job id it already holds: a gift's mail is queued once.
    await this.mails.add(mail, { jobId: `mail:${mail.idempotencyKey}` });
  }
}
