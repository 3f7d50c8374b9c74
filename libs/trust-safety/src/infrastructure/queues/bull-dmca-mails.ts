import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { MailMessage } from '@lib/platform';
import { DmcaMails, TRUST_SAFETY_MAIL_QUEUE } from '../../application/dmca/dmca-mails.js';

@Injectable()
export class BullDmcaMails extends DmcaMails {
  constructor(@InjectQueue(TRUST_SAFETY_MAIL_QUEUE) private readonly mails: Queue<MailMessage>) {
    super();
  }

  async queue(mail: MailMessage & { idempotencyKey: string }): Promise<void> {
    // Bull ignores a job id it already holds: a retried commit mails once.
    await this.mails.add(mail, { jobId: `mail:${mail.idempotencyKey}` });
  }
}
