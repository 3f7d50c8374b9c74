import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Mailer, type MailMessage } from './mailer.js';

const PREVIEW_CHARS = 200;

/** The mailer when no SMTP server is configured: each message becomes one structured log line. */
@Injectable()
export class LoggingMailer extends Mailer {
  private readonly logger = new Logger(LoggingMailer.name);

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const messageId = `<${randomUUID()}@logging-mailer>`;
    this.logger.log(
      {
        messageId,
        to: message.to,
        subject: message.subject,
        text: message.text.slice(0, PREVIEW_CHARS),
        idempotencyKey: message.idempotencyKey,
        // Names only: attachment contents can be large and private.
        attachments: message.attachments?.map((attachment) => attachment.filename),
      },
      'mail not sent (no MAIL_URL): logged instead',
    );
    return { messageId };
  }
}
