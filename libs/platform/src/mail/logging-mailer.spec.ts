import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { AppConfig, readEnvironment } from '@config';
import { PlatformLogger } from '../observability/platform-logger.js';
import { LoggingMailer } from './logging-mailer.js';
import { mailerFor } from './mailer.provider.js';
import { SmtpMailer } from './smtp-mailer.js';

/** Routes Nest's Logger through the same pino chain the apps use, into memory. */
function captureLogLines(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const pino = new PinoLogger({ pinoHttp: [{ level: 'info' }, sink] });
  Logger.overrideLogger(new PlatformLogger(new NestPinoLogger(pino, {})));
  return lines;
}

describe('LoggingMailer', () => {
  const lines = captureLogLines();

  it('logs one structured line with the recipient, subject, a text preview and attachment names, never their content', async () => {
    const secret = 'ATTACHMENT-CONTENT-MUST-NOT-BE-LOGGED';
    const { messageId } = await new LoggingMailer().send({
      to: 'reader@example.test',
      subject: 'Your weekly report',
      text: 'x'.repeat(500),
      idempotencyKey: 'notification-1',
      attachments: [
        { filename: 'report.csv', content: secret, contentType: 'text/csv' },
        { filename: 'chart.png', content: Buffer.from(secret) },
      ],
    });

    const line = lines.at(-1)!;
    expect(line).toMatchObject({
      level: 30,
      context: 'LoggingMailer',
      msg: 'mail not sent (no MAIL_URL): logged instead',
      messageId,
      to: 'reader@example.test',
      subject: 'Your weekly report',
      text: 'x'.repeat(200),
      idempotencyKey: 'notification-1',
      attachments: ['report.csv', 'chart.png'],
    });
    expect(JSON.stringify(lines)).not.toContain(secret);
    expect(JSON.stringify(lines)).not.toContain(Buffer.from(secret).toString('base64'));
  });

  it('returns a new message id for every send', async () => {
    const mailer = new LoggingMailer();
    const first = await mailer.send({ to: 'a@example.test', subject: 's', text: 't' });
    const second = await mailer.send({ to: 'a@example.test', subject: 's', text: 't' });
    expect(first.messageId).toMatch(/^<[0-9a-f-]{36}@logging-mailer>$/);
    expect(second.messageId).not.toBe(first.messageId);
  });
});

describe('choosing the mailer', () => {
  const services = { databaseUrl: 'postgres://unused', redisUrl: 'redis://unused', jwtSecret: 'x'.repeat(32) };

  it('logs mail when MAIL_URL is unset and sends it over SMTP when it is set', () => {
    expect(mailerFor(new AppConfig(readEnvironment({}), services))).toBeInstanceOf(LoggingMailer);
    const smtp = mailerFor(new AppConfig(readEnvironment({ MAIL_URL: 'smtp://u:p@127.0.0.1:2525' }), services));
    expect(smtp).toBeInstanceOf(SmtpMailer);
    (smtp as SmtpMailer).onApplicationShutdown();
  });
});
