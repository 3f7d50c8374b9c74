import { SMTPServer } from 'smtp-server';
import { freePort } from '../runtime/free-port.js';

export const SMTP_USER = 'showrunner';
export const SMTP_PASSWORD = 'p4ss-w0rd';

export interface ReceivedMail {
  user: string | undefined;
  mailFrom: string | undefined;
  rcptTo: string[];
  raw: string;
}

export interface TestSmtpServer {
  url: (password?: string) => string;
  received: ReceivedMail[];
  connections: number;
  closedConnections: number;
  close: () => Promise<void>;
}

/** A real SMTP server on loopback that wants a login and keeps what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const state: TestSmtpServer = {
    url: (password = SMTP_PASSWORD) => `smtp://${SMTP_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    received: [],
    connections: 0,
    closedConnections: 0,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
  const server = new SMTPServer({
    logger: false,
    // Plain-text login is fine on loopback; the test needs no certificate.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onConnect: (_session, callback) => {
      state.connections += 1;
      callback();
    },
    onClose: () => {
      state.closedConnections += 1;
    },
    onAuth: (auth, _session, callback) => {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.received.push({
          user: session.user as string | undefined,
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return state;
}
