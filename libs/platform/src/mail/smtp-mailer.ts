import { createHash } from 'node:crypto';
import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type NodemailerError, type SendMailOptions, type Transporter } from 'nodemailer';
import { MailDeliveryError, Mailer, type MailMessage } from './mailer.js';

/** Milliseconds the adapter waits before giving a send up (the caller's job retries). */
export interface SmtpTimeouts {
  /** To open the TCP (or TLS) connection. */
  connectMs: number;
  /** For the server's greeting once connected. */
  greetingMs: number;
  /** Of silence on an open connection. */
  socketMs: number;
  /** For a whole send, against a server that trickles its replies. */
  sendMs: number;
}

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465; query options such as ?tls.servername=x apply too. */
  url: string;
  /** The From header, e.g. `Showrunner <no-reply@example.com>`. */
  from: string;
  timeouts?: Partial<SmtpTimeouts>;
}

// Far below nodemailer's defaults (2 min to connect, 10 min idle): a stuck send holds a worker slot.
const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectMs: 10_000, greetingMs: 10_000, socketMs: 30_000, sendMs: 60_000 };

const REASONS: Record<string, string> = {
  EAUTH: 'the SMTP server rejected the login',
  ENOAUTH: 'the SMTP server wants a login and MAIL_URL has none',
  ETIMEDOUT: 'the SMTP server did not answer in time',
  ECONNECTION: 'could not reach the SMTP server',
  ESOCKET: 'could not reach the SMTP server',
  EDNS: 'could not resolve the SMTP server',
  ETLS: 'TLS with the SMTP server failed',
  EABORT: 'the send took too long and was abandoned',
  EENVELOPE: 'the SMTP server refused the sender or recipient',
  EMESSAGE: 'the SMTP server refused the message',
};

/** Sends through one pooled SMTP transport, reused for every message and closed at shutdown. */
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;
  private readonly server: string;
  private readonly domain: string;
  private readonly sendMs: number;

  constructor({ url, from, timeouts }: SmtpMailerOptions) {
    super();
    const limits = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.server = serverOf(url);
    this.domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
    this.sendMs = limits.sendMs;
    this.transport = createTransport(
      {
        url,
        pool: true,
        connectionTimeout: limits.connectMs,
        greetingTimeout: limits.greetingMs,
        socketTimeout: limits.socketMs,
      },
      { from },
    );
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    try {
      const info = await this.transport.sendMail(this.toNodemailer(message));
      return { messageId: info.messageId };
    } catch (error) {
      throw this.deliveryError(error as NodemailerError);
    }
  }

  onApplicationShutdown(): void {
    // A delivery in flight finishes first; idle connections close at once.
    this.transport.close();
  }

  private toNodemailer({ to, subject, text, html, idempotencyKey, attachments }: MailMessage): SendMailOptions {
    return {
      to,
      subject,
      text,
      html,
      attachments,
      signal: AbortSignal.timeout(this.sendMs),
      ...(idempotencyKey && {
        // The same Message-ID on a retried send lets mail clients and archives drop the duplicate.
        messageId: `<${messageIdPart(idempotencyKey)}@${this.domain}>`,
        headers: { 'X-Idempotency-Key': idempotencyKey },
      }),
    };
  }

  private deliveryError(error: NodemailerError): MailDeliveryError {
    const reason = REASONS[error.code ?? ''] ?? 'the SMTP send failed';
    return new MailDeliveryError(
      `Mail not sent: ${reason} (${this.server}): ${error.message}`,
      error.permanent === true,
      {
        cause: error,
      },
    );
  }
}

/** host:port of an SMTP URL, without its credentials, for error messages. */
function serverOf(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return `${parsed.hostname}:${port}`;
}

/** The key itself when it is a valid Message-ID left part, otherwise a digest of it. */
function messageIdPart(key: string): string {
  return /^[A-Za-z0-9._+-]{1,200}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
}
