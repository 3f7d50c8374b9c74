import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { Test } from '@nestjs/testing';
import { AppConfig, readEnvironment } from '@config';
import { freePort } from '../runtime/free-port.js';
import { eventually } from '../testing/eventually.js';
import { SMTP_PASSWORD, SMTP_USER, startSmtpServer, type TestSmtpServer } from '../testing/smtp-server.js';
import { MailDeliveryError, Mailer } from './mailer.js';
import { mailerProvider } from './mailer.provider.js';
import { SmtpMailer, type SmtpTimeouts } from './smtp-mailer.js';

const FROM = 'Showrunner <no-reply@mail.example.test>';
const USER = SMTP_USER;
const PASSWORD = SMTP_PASSWORD;

interface MimePart {
  headers: Map<string, string>;
  body: Buffer;
}

/** The leaf parts of a MIME message, bodies decoded: enough to check what a mail client would show. */
function leafParts(raw: string): MimePart[] {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = parseHeaders(head);
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [{ headers, body: decode(body, headers.get('content-transfer-encoding')) }];
  const sections = body.split(`--${boundary}`).slice(1, -1);
  return sections.flatMap((section) => leafParts(section.replace(/^\r\n/, '').replace(/\r\n$/, '')));
}

function rootHeaders(raw: string): Map<string, string> {
  return parseHeaders(raw.slice(0, raw.indexOf('\r\n\r\n')));
}

function parseHeaders(head: string): Map<string, string> {
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    unfolded.split('\r\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
}

function decode(body: string, encoding = '7bit'): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** A port that takes TCP connections and never says a word: a hung SMTP server. */
async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  const port = await freePort();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function failureOf(sending: Promise<unknown>): Promise<MailDeliveryError> {
  try {
    await sending;
  } catch (error) {
    expect(error).toBeInstanceOf(MailDeliveryError);
    return error as MailDeliveryError;
  }
  throw new Error('the send was expected to fail');
}

describe('SmtpMailer against a real SMTP server', () => {
  let smtp: TestSmtpServer;
  const mailers: SmtpMailer[] = [];
  const mailerFor = (url: string, timeouts?: Partial<SmtpTimeouts>) => {
    const mailer = new SmtpMailer({ url, from: FROM, timeouts });
    mailers.push(mailer);
    return mailer;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    for (const mailer of mailers) mailer.onApplicationShutdown();
    await smtp.close();
  });

  it('logs in and delivers from, to, subject, both bodies, the attachment and the idempotency key', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10, 0x80]);
    const { messageId } = await mailerFor(smtp.url()).send({
      to: 'reader@example.test',
      subject: 'Your weekly report',
      text: 'Hello, your report is attached.',
      html: '<p>Hello, your report is <b>attached</b>.</p>',
      idempotencyKey: 'notification-0192f3a4',
      attachments: [{ filename: 'report.pdf', content: pdf, contentType: 'application/pdf' }],
    });

    const mail = smtp.received.at(-1)!;
    expect(mail).toMatchObject({ user: USER, mailFrom: 'no-reply@mail.example.test', rcptTo: ['reader@example.test'] });
    const headers = rootHeaders(mail.raw);
    expect(headers.get('from')).toBe(FROM);
    expect(headers.get('to')).toBe('reader@example.test');
    expect(headers.get('subject')).toBe('Your weekly report');
    expect(headers.get('x-idempotency-key')).toBe('notification-0192f3a4');
    expect(headers.get('message-id')).toBe('<notification-0192f3a4@mail.example.test>');
    expect(messageId).toBe('<notification-0192f3a4@mail.example.test>');

    const parts = leafParts(mail.raw);
    const byType = (type: string) => parts.find((part) => part.headers.get('content-type')?.startsWith(type));
    expect(byType('text/plain')!.body.toString('utf8')).toBe('Hello, your report is attached.');
    expect(byType('text/html')!.body.toString('utf8')).toBe('<p>Hello, your report is <b>attached</b>.</p>');
    const attachment = byType('application/pdf')!;
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment; filename="?report\.pdf"?$/);
    expect(attachment.body.equals(pdf)).toBe(true);
  });

  it('reuses one pooled connection for consecutive sends', async () => {
    const before = smtp.connections;
    const mailer = mailerFor(smtp.url());
    for (const n of [1, 2, 3]) await mailer.send({ to: `reader${n}@example.test`, subject: `n${n}`, text: 'hi' });
    expect(smtp.connections - before).toBe(1);
  });

  it('turns a key that cannot be a Message-ID into a digest, and still passes the key on as a header', async () => {
    const { messageId } = await mailerFor(smtp.url()).send({
      to: 'a@example.test',
      subject: 's',
      text: 't',
      idempotencyKey: 'weekly report 2026/47',
    });
    expect(messageId).toMatch(/^<[0-9a-f]{64}@mail\.example\.test>$/);
    expect(rootHeaders(smtp.received.at(-1)!.raw).get('x-idempotency-key')).toBe('weekly report 2026/47');
  });

  it('says the login was rejected, without echoing the password', async () => {
    const error = await failureOf(
      mailerFor(smtp.url('wrong-password')).send({ to: 'a@example.test', subject: 's', text: 't' }),
    );
    expect(error.message).toMatch(/^Mail not sent: the SMTP server rejected the login \(127\.0\.0\.1:\d+\)/);
    expect(error.message).not.toContain('wrong-password');
  });

  it('says the server cannot be reached when nothing listens, at once', async () => {
    const closedPort = await freePort();
    const started = Date.now();
    const error = await failureOf(
      mailerFor(`smtp://${USER}:${PASSWORD}@127.0.0.1:${closedPort}`).send({
        to: 'a@example.test',
        subject: 's',
        text: 't',
      }),
    );
    expect(error.message).toMatch(
      new RegExp(`^Mail not sent: could not reach the SMTP server \\(127\\.0\\.0\\.1:${closedPort}\\)`),
    );
    expect(error.permanent).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a server that never answers within the timeout', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const mailer = mailerFor(`smtp://${USER}:${PASSWORD}@127.0.0.1:${silent.port}`, { greetingMs: 300 });
      const error = await failureOf(mailer.send({ to: 'a@example.test', subject: 's', text: 't' }));
      expect(error.message).toMatch(/^Mail not sent: the SMTP server did not answer in time/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await silent.close();
    }
  });

  it('is what PlatformModule provides when MAIL_URL is set, and closes its connections at application shutdown', async () => {
    const services = { databaseUrl: 'postgres://unused', redisUrl: 'redis://unused', jwtSecret: 'x'.repeat(32) };
    const config = new AppConfig(readEnvironment({ MAIL_URL: smtp.url(), MAIL_FROM: FROM }), services);
    const app = await Test.createTestingModule({
      providers: [{ provide: AppConfig, useValue: config }, mailerProvider],
    }).compile();
    await app.init();
    const mailer = app.get(Mailer);
    expect(mailer).toBeInstanceOf(SmtpMailer);
    await mailer.send({ to: 'a@example.test', subject: 'wired', text: 't' });
    const closedBefore = smtp.closedConnections;
    await app.close();
    await eventually(() => expect(smtp.closedConnections).toBe(closedBefore + 1), { timeoutMs: 2_000 });
  });
});
