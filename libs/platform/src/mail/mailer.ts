/** One e-mail to one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id of what is sent (e.g. a notification id): adapters pass it on as Message-ID/header so a retried send can be recognised. */
  idempotencyKey?: string;
  attachments?: Array<{ filename: string; content: Buffer | string; contentType?: string }>;
}

/** Where the platform sends e-mail: SMTP when MAIL_URL is set, otherwise the log. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<{ messageId: string }>;
}

/** A send that did not go through; `permanent` when the server refused the message for good (a retry gets the same answer). */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}
