import type { MailMessage } from '@lib/platform';

/**
 * Where notification e-mails go once the notification is committed: a queue that retries the
 * SMTP send, keyed by the mail's idempotency key so one occurrence is mailed once.
 */
export abstract class NotificationMails {
  abstract queue(mail: MailMessage & { idempotencyKey: string }): Promise<void>;
}
