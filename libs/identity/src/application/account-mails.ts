import type { MailMessage } from '@lib/platform';

/** Where identity's mails go: queued after the commit that decided them, sent and retried by a worker. */
export abstract class AccountMails {
  /** The same idempotency key queued twice is one mail. */
  abstract queue(mail: MailMessage & { idempotencyKey: string }): Promise<void>;
}
