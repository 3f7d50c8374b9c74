import { Logger, type Provider } from '@nestjs/common';
import { AppConfig } from '@config';
import { LoggingMailer } from './logging-mailer.js';
import { Mailer } from './mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** The Mailer for this configuration: SMTP when MAIL_URL is set, otherwise the log. */
export function mailerFor({ mail, nodeEnv }: AppConfig): Mailer {
  if (mail.url) return new SmtpMailer({ url: mail.url, from: mail.from });
  // Legal in production (mail may not be needed yet), but users would silently get nothing.
  if (nodeEnv === 'production')
    new Logger('Mailer').warn('MAIL_URL is not set: e-mail is written to the log, not sent');
  return new LoggingMailer();
}

export const mailerProvider: Provider = { provide: Mailer, inject: [AppConfig], useFactory: mailerFor };
