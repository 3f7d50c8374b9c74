import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { MailMessage } from '@lib/platform';
import { AccountMails } from '../../application/account-mails.js';

export const IDENTITY_MAIL_QUEUE = 'identity.send-mail';

@Injectable()
export class BullAccountMails extends AccountMails {
  constructor(@InjectQueue(IDENTITY_MAIL_QUEUE) private readonly queueOfMails: Queue<MailMessage>) {
    super();
  }

  async queue(mail: MailMessage & { idempotencyKey: string }): Promise<void> {
    // Bull ignores a job id it already holds: a link is mailed once.
    await this.queueOfMails.add(mail, { jobId: `mail:${mail.idempotencyKey}` });
  }
}
